/**
 * Vision worker: face detection (MediaPipe BlazeFace, tasks-vision) and identity embeddings
 * (face-api's FaceRecognitionNet as ONNX on onnxruntime-web) behind Comlink. Models and wasm come
 * from models/dist (models/build-models.mjs), served by the app at `assetsBaseUrl`.
 * Images with no face, several faces or tiny faces are reported in the result, never thrown.
 */
import * as Comlink from 'comlink';
import { assessFace, helperShare, type DetectedFace, type FaceIssue } from '../src/core/vision';
import { imageReader, type ImageReader } from './vision/bitmap-pixels';
import { faceChips } from './vision/face-chips';
import { createFaceDetector, type FaceDetectionOptions, type FaceDetectorHandle } from './vision/face-detector';
import { createFaceEmbedder, type EmbedderOptions, type FaceEmbedderHandle } from './vision/face-embedder';
import { helperThreads, startVisionHelper, wantsHelper, type VisionHelper } from './vision/helper';

export interface VisionInitOptions extends EmbedderOptions {
  /** Absolute URL of the folder holding models/dist's files, ending in '/'. Default: <origin>/models/. */
  assetsBaseUrl?: string;
  /** A second thread for tiles and embeddings (workers/vision-helper.worker.ts). Default: with 2+ cores. */
  helper?: boolean;
  /** Another helper script (tests: one that crashes). */
  helperScriptUrl?: string;
}

export interface VisionInitInfo {
  executionProvider: 'wasm' | 'webgpu';
  executionProviderReason: string;
  threads: number;
  /** Whether a helper thread shares the work (once it has loaded, in the background). */
  helper: boolean;
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
/**
 * MediaPipe's loader runs once per worker (it clears its global factory after the first task is
 * made), so the detector is made once and kept even when the embedder's load fails and is retried:
 * making it again would fail with "ModuleFactory not set" and hide the first error.
 */
let detectorReady: Promise<FaceDetectorHandle> | null = null;
/** The helper thread once its models are loaded; until then (or without one) this thread works alone. */
let helper: VisionHelper | null = null;

/**
 * The models, with a second try after a network failure (a dropped connection while the service
 * worker installs must not fail the person's run); a second failure names what could not load.
 */
async function loadingTwice<T>(loadModels: () => Promise<T>): Promise<T> {
  try {
    return await loadModels();
  } catch (first) {
    if (!(first instanceof TypeError)) throw first;
    console.warn(`[vision.worker] loading the face models failed (${first.message}); trying once more`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return loadModels().catch((second: Error) => {
      throw new Error(`The face models could not be loaded: ${second.message}`);
    });
  }
}

function load(options: VisionInitOptions = {}) {
  ready ??= (async () => {
    const start = performance.now();
    const base = options.assetsBaseUrl ?? new URL('/models/', self.location.origin).href;
    if (!/^https?:|^blob:/.test(base) || !base.endsWith('/')) {
      throw new Error(`[vision.worker] assetsBaseUrl must be an absolute URL ending in "/", got "${base}"`);
    }
    const cores = navigator.hardwareConcurrency || 1;
    const { helper: withHelper = wantsHelper(cores), helperScriptUrl, ...rest } = options;
    // Two ONNX sessions (here and in the helper) share the cores.
    const embedderOptions = { ...rest, numThreads: rest.numThreads ?? (withHelper ? helperThreads(cores) : undefined) };
    const detector = () => (detectorReady ??= loadingTwice(() => createFaceDetector(base)));
    const [detectorHandle, embedder] = await Promise.all([detector(), loadingTwice(() => createFaceEmbedder(base, embedderOptions))]);
    // The helper loads in the background: the first photos do not wait for a second copy of the models.
    if (withHelper) {
      // A helper that crashes or hangs is dropped; its share of that photo is redone here.
      const dropHelper = (error: Error) => {
        helper = null;
        console.warn(`[vision.worker] working without the helper thread from now on: ${error.message}`);
      };
      void startVisionHelper(base, embedderOptions, dropHelper, helperScriptUrl).then((h) => (helper = h));
    }
    const info: VisionInitInfo = {
      executionProvider: embedder.executionProvider.provider,
      executionProviderReason: embedder.executionProvider.reason,
      threads: embedder.threads,
      helper: withHelper,
      loadMs: performance.now() - start,
    };
    return { detector: detectorHandle, embedder, info };
  })();
  // A failed load must not poison the worker: the next call retries.
  ready.catch(() => (ready = null));
  return ready;
}

/** Descriptors of `faces`; with a helper, its share (the last faces) is packed first and embeds alongside. */
async function embedShared(pixels: ImageReader, faces: DetectedFace[], embedder: FaceEmbedderHandle, helper: VisionHelper | null): Promise<Float32Array[]> {
  const local = faces.length - (helper ? helperShare(faces.length) : 0);
  const redoHere = () => embedder.embed(faceChips(pixels, faces.slice(local)), faces.length - local);
  const remote = local < faces.length ? helper!.embed(faceChips(pixels, faces.slice(local)), faces.length - local).catch(redoHere) : null;
  const mine = local ? await embedder.embed(faceChips(pixels, faces.slice(0, local)), local) : [];
  return remote ? [...mine, ...(await remote)] : mine;
}

const api = {
  /** Loads both models (idempotent). Other calls load with defaults when init was not called. */
  async init(options: VisionInitOptions = {}): Promise<VisionInitInfo> {
    return (await load(options)).info;
  },

  async detectFaces(image: ImageBitmap, options?: FaceDetectionOptions): Promise<DetectedFace[]> {
    const { detector } = await load();
    return detector.detect(image, options, imageReader(image), helper);
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
    const detected = await detector.detect(image, options, pixels, helper);
    const t1 = performance.now();
    const faces: AnalyzedFace[] = detected.map((face) => ({ ...face, embedding: null, issues: assessFace(face, image.width, image.height) }));
    const embeddable = faces.filter((f) => !f.issues.includes('too_small_to_identify'));
    const embeddings = await embedShared(pixels, embeddable, embedder, helper);
    embeddable.forEach((face, i) => (face.embedding = embeddings[i]!));
    const issues: ImageIssue[] = faces.length === 0 ? ['no_face'] : faces.length > 1 ? ['several_faces'] : [];
    return { width: image.width, height: image.height, faces, issues, ms: { detect: t1 - t0, embed: performance.now() - t1 } };
  },
};

export type VisionWorkerApi = typeof api;
Comlink.expose(api);
