/**
 * Vision worker: face detection (MediaPipe BlazeFace, tasks-vision) and identity embeddings
 * (face-api's FaceRecognitionNet as ONNX on onnxruntime-web) behind Comlink. Models and wasm come
 * from models/dist (models/build-models.mjs), served by the app at `assetsBaseUrl`.
 * Images with no face, several faces or tiny faces are reported in the result, never thrown.
 */
import * as Comlink from 'comlink';
import { assessFace, type DetectedFace, type FaceIssue } from '../src/core/vision';
import { imageReader } from './vision/bitmap-pixels';
import { faceChips } from './vision/face-chips';
import { createFaceDetector, type FaceDetectionOptions, type FaceDetectorHandle } from './vision/face-detector';
import { createFaceEmbedder, type EmbedderOptions, type FaceEmbedderHandle } from './vision/face-embedder';

export interface VisionInitOptions extends EmbedderOptions {
  /** Absolute URL of the folder holding models/dist's files, ending in '/'. Default: <origin>/models/. */
  assetsBaseUrl?: string;
}

export interface VisionInitInfo {
  executionProvider: 'wasm' | 'webgpu';
  executionProviderReason: string;
  threads: number;
  loadMs: number;
}

export interface AnalyzedFace extends DetectedFace {
  /** 128-d descriptor, or null when the face is too small to identify. */
  embedding: Float32Array | null;
  issues: FaceIssue[];
}

export type ImageIssue = 'no_face' | 'several_faces';

export interface ImageAnalysis {
  width: number;
  height: number;
  faces: AnalyzedFace[];
  issues: ImageIssue[];
  ms: { detect: number; embed: number };
}

let ready: Promise<{ detector: FaceDetectorHandle; embedder: FaceEmbedderHandle; info: VisionInitInfo }> | null = null;

function load(options: VisionInitOptions = {}) {
  ready ??= (async () => {
    const start = performance.now();
    const base = options.assetsBaseUrl ?? new URL('/models/', self.location.origin).href;
    if (!/^https?:|^blob:/.test(base) || !base.endsWith('/')) {
      throw new Error(`[vision.worker] assetsBaseUrl must be an absolute URL ending in "/", got "${base}"`);
    }
    const [detector, embedder] = await Promise.all([createFaceDetector(base), createFaceEmbedder(base, options)]);
    const info: VisionInitInfo = {
      executionProvider: embedder.executionProvider.provider,
      executionProviderReason: embedder.executionProvider.reason,
      threads: embedder.threads,
      loadMs: performance.now() - start,
    };
    return { detector, embedder, info };
  })();
  // A failed load must not poison the worker: the next call retries.
  ready.catch(() => (ready = null));
  return ready;
}

const api = {
  /** Loads both models (idempotent). Other calls load with defaults when init was not called. */
  async init(options: VisionInitOptions = {}): Promise<VisionInitInfo> {
    return (await load(options)).info;
  },

  async detectFaces(image: ImageBitmap, options?: FaceDetectionOptions): Promise<DetectedFace[]> {
    const { detector } = await load();
    return detector.detect(image, options);
  },

  /** One 128-d descriptor per face, in order. */
  async embedFaces(image: ImageBitmap, faces: DetectedFace[]): Promise<Float32Array[]> {
    const { embedder } = await load();
    if (faces.length === 0) return [];
    return embedder.embed(faceChips(imageReader(image), faces), faces.length);
  },

  /** The aligned 150x150 chips (NHWC RGB floats) the embedder sees, for checks and debugging. */
  async faceChips(image: ImageBitmap, faces: DetectedFace[]): Promise<Float32Array> {
    return faceChips(imageReader(image), faces);
  },

  /** Descriptors for chips made elsewhere (parity checks against other implementations). */
  async embedChips(chips: Float32Array, count: number): Promise<Float32Array[]> {
    const { embedder } = await load();
    return embedder.embed(chips, count);
  },

  /** Detect, assess and embed every face of an image. */
  async analyze(image: ImageBitmap, options?: FaceDetectionOptions): Promise<ImageAnalysis> {
    const { detector, embedder } = await load();
    const pixels = imageReader(image);
    const t0 = performance.now();
    const detected = detector.detect(image, options, pixels);
    const t1 = performance.now();
    const faces: AnalyzedFace[] = detected.map((face) => ({ ...face, embedding: null, issues: assessFace(face, image.width, image.height) }));
    const embeddable = faces.filter((f) => !f.issues.includes('too_small_to_identify'));
    const embeddings = embeddable.length ? await embedder.embed(faceChips(pixels, embeddable), embeddable.length) : [];
    embeddable.forEach((face, i) => (face.embedding = embeddings[i]!));
    const issues: ImageIssue[] = faces.length === 0 ? ['no_face'] : faces.length > 1 ? ['several_faces'] : [];
    return { width: image.width, height: image.height, faces, issues, ms: { detect: t1 - t0, embed: performance.now() - t1 } };
  },
};

export type VisionWorkerApi = typeof api;
Comlink.expose(api);
