import type { InferenceSession, Tensor } from 'onnxruntime-web/wasm';
import { FACE_CHIP_SIZE } from '../../src/core/vision';
import { chooseExecutionProvider, type ExecutionProviderChoice } from './execution-provider';

export interface EmbedderOptions {
  executionProvider?: 'auto' | 'wasm' | 'webgpu';
  /** wasm EP threads; more than 1 needs cross-origin isolation. Default: defaultThreads(). */
  numThreads?: number;
}

type Ort = typeof import('onnxruntime-web/wasm');

/**
 * Threads for the wasm EP: one core is left to the page and the rest of the app. The pool's threads
 * wait for each other at every op, so one of them losing its core stalls the whole run: on 2 busy
 * cores one thread embedded a face ~35% faster than two (same photos, same run).
 */
export const defaultThreads = (cores: number) => Math.max(1, Math.min(4, cores - 1));

/** onnxruntime-web session for face_recognition_net.onnx: 150x150 RGB chips -> 128-d descriptors. */
export async function createFaceEmbedder(assetsBaseUrl: string, options: EmbedderOptions = {}) {
  const choice: ExecutionProviderChoice = await chooseExecutionProvider(options.executionProvider ?? 'auto');
  // Only the chosen runtime is loaded: the WebGPU build brings a 27 MB wasm of its own.
  const ort: Ort = choice.provider === 'webgpu' ? await import('onnxruntime-web/webgpu') : await import('onnxruntime-web/wasm');
  ort.env.wasm.wasmPaths = new URL('ort/', assetsBaseUrl).href; // absolute: relative paths break in dev workers
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  ort.env.wasm.numThreads = isolated ? (options.numThreads ?? defaultThreads(navigator.hardwareConcurrency || 1)) : 1;

  const modelUrl = new URL('face_recognition_net.onnx', assetsBaseUrl).href;
  const response = await fetch(modelUrl);
  if (!response.ok) throw new Error(`[vision.worker] face embedding model: ${response.status} ${response.statusText} at ${modelUrl} (did models/build-models.mjs run?)`);
  const session: InferenceSession = await ort.InferenceSession.create(new Uint8Array(await response.arrayBuffer()), {
    executionProviders: [choice.provider],
    graphOptimizationLevel: 'all',
  });
  const chipValues = FACE_CHIP_SIZE * FACE_CHIP_SIZE * 3;

  return {
    executionProvider: choice,
    threads: ort.env.wasm.numThreads,
    /** Descriptors for `count` chips packed in `chips` (NHWC float RGB 0..255). */
    async embed(chips: Float32Array, count: number): Promise<Float32Array[]> {
      if (count === 0) return [];
      if (chips.length !== count * chipValues) {
        throw new RangeError(`[vision.worker] embed: ${chips.length} floats for ${count} chips of ${FACE_CHIP_SIZE}x${FACE_CHIP_SIZE}x3`);
      }
      const input = new ort.Tensor('float32', chips, [count, FACE_CHIP_SIZE, FACE_CHIP_SIZE, 3]);
      const outputs = await session.run({ pixels: input });
      const descriptor = outputs.descriptor as Tensor;
      const data = (await descriptor.getData()) as Float32Array;
      input.dispose();
      descriptor.dispose();
      const size = data.length / count;
      return Array.from({ length: count }, (_, i) => data.slice(i * size, (i + 1) * size));
    },
    release: () => session.release(),
  };
}

export type FaceEmbedderHandle = Awaited<ReturnType<typeof createFaceEmbedder>>;
