/**
 * Browser side of the vision tests and benchmark: drives the real vision worker (Comlink) and, as
 * the reference, @vladmandic/face-api (tfjs) on the page. Exposed as `window.harness`.
 */
import * as Comlink from 'comlink';
import type { DetectedFace } from '../../src/core/vision';
import type { ImageAnalysis, VisionInitInfo, VisionInitOptions, VisionWorkerApi } from '../../workers/vision.worker';

type FaceApi = typeof import('@vladmandic/face-api');

let worker: Worker | null = null;
let vision: Comlink.Remote<VisionWorkerApi> | null = null;
let faceapi: FaceApi | null = null;

async function bitmapOf(url: string): Promise<ImageBitmap> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`harness: ${response.status} for ${url}`);
  return createImageBitmap(await response.blob());
}

function imageOf(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`harness: cannot load ${url}`));
    img.src = url;
  });
}

const toArrays = (vs: Float32Array[]) => vs.map((v) => Array.from(v));

/** What the crashing test helper reported (tests/vision/crashing-helper.worker.ts). */
const helperEvents: string[] = [];
new BroadcastChannel('vision-test-helper').onmessage = (e) => helperEvents.push(String(e.data));

const harness = {
  crashingHelperUrl: () => new URL('./crashing-helper.worker.ts', import.meta.url).href,
  helperEvents: () => [...helperEvents],

  async initVision(options: VisionInitOptions = {}): Promise<VisionInitInfo> {
    worker?.terminate();
    worker = new Worker(new URL('../../workers/vision.worker.ts', import.meta.url), { type: 'module' });
    vision = Comlink.wrap<VisionWorkerApi>(worker);
    return vision.init({ assetsBaseUrl: new URL('/models/dist/', location.origin).href, ...options });
  },

  async analyze(url: string, options?: Parameters<VisionWorkerApi['analyze']>[1]) {
    const bitmap = await bitmapOf(url);
    const result: ImageAnalysis = await vision!.analyze(Comlink.transfer(bitmap, [bitmap]), options);
    return { ...result, faces: result.faces.map((f) => ({ ...f, embedding: f.embedding && Array.from(f.embedding) })) };
  },

  /** analyze() on a synthetic image: a downscaled copy of `url` (tiny faces) or a blank canvas. */
  async analyzeScaled(url: string | null, width: number, height: number) {
    const canvas = new OffscreenCanvas(width, height);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#808080';
    g.fillRect(0, 0, width, height);
    if (url) g.drawImage(await bitmapOf(url), 0, 0, width, height);
    const bitmap = canvas.transferToImageBitmap();
    const result = await vision!.analyze(Comlink.transfer(bitmap, [bitmap]));
    return { ...result, faces: result.faces.map((f) => ({ ...f, embedding: f.embedding && f.embedding.length })) };
  },

  async detect(url: string) {
    const bitmap = await bitmapOf(url);
    return vision!.detectFaces(Comlink.transfer(bitmap, [bitmap]));
  },

  /** The worker's aligned chips for the faces of `url`, and the worker's descriptors of them. */
  async chipsAndDescriptors(url: string) {
    const faces: DetectedFace[] = await vision!.detectFaces(await bitmapOf(url));
    const chips = await vision!.faceChips(await bitmapOf(url), faces);
    const descriptors = await vision!.embedChips(chips, faces.length);
    const viaEmbedFaces = await vision!.embedFaces(await bitmapOf(url), faces);
    return { count: faces.length, chips: Array.from(chips), descriptors: toArrays(descriptors), viaEmbedFaces: toArrays(viaEmbedFaces) };
  },

  /** The worker's descriptors for chips given as plain numbers. */
  async embedChipsOnly(chips: number[], count: number) {
    return toArrays(await vision!.embedChips(Float32Array.from(chips), count));
  },

  /** Loads face-api (its bundled tfjs) with the wasm backend when `wasmDir` is given, else cpu. */
  async initFaceApi(wasmDir: string | null) {
    faceapi = await import('@vladmandic/face-api');
    const tf = faceapi.tf as unknown as { setWasmPaths(p: string): void; setBackend(b: string): Promise<boolean>; ready(): Promise<void>; getBackend(): string; env(): { set(k: string, v: unknown): void } };
    if (wasmDir) {
      tf.setWasmPaths(wasmDir);
      await tf.setBackend('wasm');
    } else {
      await tf.setBackend('cpu');
    }
    await tf.ready();
    const modelDir = '/node_modules/@vladmandic/face-api/model';
    await Promise.all([
      faceapi.nets.ssdMobilenetv1.loadFromUri(modelDir),
      faceapi.nets.faceLandmark68Net.loadFromUri(modelDir),
      faceapi.nets.faceRecognitionNet.loadFromUri(modelDir),
    ]);
    return tf.getBackend();
  },

  /** face-api's computeFaceDescriptor on chips made elsewhere (150x150x3 each, 0..255). */
  async faceApiDescriptorsOfChips(chips: number[], count: number) {
    const { tf } = faceapi!;
    const size = chips.length / count;
    const out: number[][] = [];
    for (let i = 0; i < count; i++) {
      const t = tf.tensor3d(chips.slice(i * size, (i + 1) * size), [150, 150, 3]);
      out.push(Array.from((await faceapi!.nets.faceRecognitionNet.computeFaceDescriptor(t)) as Float32Array));
      t.dispose();
    }
    return out;
  },

  /** face-api's full pipeline (SSD MobileNet v1 + 68 landmarks + descriptor), timed. */
  async faceApiAnalyze(url: string) {
    const img = await imageOf(url);
    const start = performance.now();
    const results = await faceapi!.detectAllFaces(img, new faceapi!.SsdMobilenetv1Options({ minConfidence: 0.5 })).withFaceLandmarks().withFaceDescriptors();
    const ms = performance.now() - start;
    return {
      ms,
      faces: results.map((r) => ({ box: [r.detection.box.x, r.detection.box.y, r.detection.box.width, r.detection.box.height], score: r.detection.score, embedding: Array.from(r.descriptor) })),
    };
  },

  /** Our pipeline timed from the page: decode excluded, transfer to the worker included. */
  async visionAnalyzeTimed(url: string) {
    const bitmap = await bitmapOf(url);
    const start = performance.now();
    const result = await vision!.analyze(Comlink.transfer(bitmap, [bitmap]));
    return { ms: performance.now() - start, inner: result.ms, faces: result.faces.map((f) => ({ box: f.box, score: f.score, embedding: f.embedding && Array.from(f.embedding) })) };
  },
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}
window.harness = harness;
document.title = 'vision harness ready';
