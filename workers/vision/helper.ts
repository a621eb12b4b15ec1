import * as Comlink from 'comlink';
import { withTimeout } from '../../src/core/util/with-timeout';
import type { DetectedFace, Tile } from '../../src/core/vision';
import type { EmbedderOptions } from './face-embedder';
import type { VisionHelperApi } from '../vision-helper.worker';

/** The vision worker's view of its helper thread (workers/vision-helper.worker.ts). */
export interface VisionHelper {
  /** Detector passes over square `regions` of the image, given as their detector inputs (transferred). */
  passes(inputs: ImageData[], regions: Tile[]): Promise<DetectedFace[][]>;
  /** Descriptors of `count` packed chips (transferred). */
  embed(chips: Float32Array, count: number): Promise<Float32Array[]>;
  close(): void;
}

/** A helper only pays off with a core to run on; on one core it would just take turns. */
export const wantsHelper = (cores: number) => cores >= 2;
/** wasm threads for each of the two ONNX sessions (the vision worker's and the helper's): half the cores each, 1 to 4. */
export const helperThreads = (cores: number) => Math.max(1, Math.min(4, Math.floor(cores / 2)));

/** One share of one photo takes tens of milliseconds; a helper silent this long is stuck. */
const CALL_TIMEOUT_MS = 20_000;

/**
 * Starts the helper and loads its models, or resolves null when it cannot (no nested workers, a
 * load error, no answer): the vision worker then does everything on its own thread. A call
 * rejects, instead of waiting forever, when the helper crashes or stays silent; `onFailure` runs
 * once, and the caller redoes that share itself.
 */
export async function startVisionHelper(
  assetsBaseUrl: string,
  options: EmbedderOptions,
  onFailure: (error: Error) => void,
  scriptUrl?: string,
): Promise<VisionHelper | null> {
  let worker: Worker | null = null;
  try {
    worker = scriptUrl
      ? new Worker(scriptUrl, { type: 'module', name: 'vision-helper' })
      : new Worker(new URL('../vision-helper.worker.ts', import.meta.url), { type: 'module', name: 'vision-helper' });
    const owned = worker;
    const crashed = new Promise<never>((_, reject) =>
      owned.addEventListener(
        'error',
        (e) => {
          e.preventDefault(); // handled here: it must not surface as the page's error
          reject(new Error(`the vision helper failed: ${e.message || 'unknown error'}`));
        },
        { once: true },
      ),
    );
    crashed.catch(() => {});
    const api = Comlink.wrap<VisionHelperApi>(worker);
    await withTimeout(Promise.race([api.init(assetsBaseUrl, options), crashed]), 60_000, 'the vision helper did not load');
    let failed = false;
    const guard = <T>(work: Promise<T>): Promise<T> =>
      withTimeout(Promise.race([work, crashed]), CALL_TIMEOUT_MS, 'the vision helper did not answer').catch((error: Error) => {
        if (!failed) {
          failed = true;
          owned.terminate();
          onFailure(error);
        }
        throw error;
      });
    return {
      passes: (inputs, regions) => guard(api.passes(Comlink.transfer(inputs, inputs.map((r) => r.data.buffer as ArrayBuffer)), regions)),
      embed: (chips, count) => guard(api.embed(Comlink.transfer(chips, [chips.buffer as ArrayBuffer]), count)),
      close: () => owned.terminate(),
    };
  } catch (e) {
    worker?.terminate();
    console.warn(`[vision.worker] working without a helper thread: ${(e as Error).message}`);
    return null;
  }
}
