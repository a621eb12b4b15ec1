/**
 * Browser side of the media tests and benchmark: drives the real media and audio workers through
 * the supervised-worker wrapper, exactly as the app does. Exposed as `window.mediaHarness`; results are
 * plain JSON (numbers, not Blobs) so Playwright can carry them back.
 */
import type { EngineChoice } from '../../workers/media/engine-fallback';
import type { AudioWorkerApi } from '../../workers/audio.worker';
import type { MediaWorkerApi } from '../../workers/media.worker';
import { createSupervisedWorker, type SupervisedWorker } from '../../workers/media/supervised-worker';
import { mediaErrorFrom } from '../../src/core/media';

const ffmpeg = { coreBaseUrl: new URL('/wasm/ffmpeg/', location.origin).href };

let media: SupervisedWorker<MediaWorkerApi>;
let audio: SupervisedWorker<AudioWorkerApi>;

function startWorkers(timeoutMs = 30_000) {
  media?.dispose();
  audio?.dispose();
  media = createSupervisedWorker<MediaWorkerApi>({
    label: 'media worker',
    create: () => new Worker(new URL('../../workers/media.worker.ts', import.meta.url), { type: 'module' }),
    setup: (api) => api.init({ ffmpeg }),
    defaultTimeoutMs: timeoutMs,
  });
  audio = createSupervisedWorker<AudioWorkerApi>({
    label: 'audio worker',
    create: () => new Worker(new URL('../../workers/audio.worker.ts', import.meta.url), { type: 'module' }),
    setup: (api) => api.init({ ffmpeg }),
    defaultTimeoutMs: timeoutMs,
  });
}

async function fileAt(url: string): Promise<File> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`harness: ${response.status} for ${url}`);
  return new File([await response.blob()], url.split('/').pop()!);
}

async function pixelsOf(blob: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const g = canvas.getContext('2d')!;
  g.drawImage(bitmap, 0, 0);
  bitmap.close();
  return g.getImageData(0, 0, canvas.width, canvas.height);
}

/** Mean and max absolute channel difference (RGB, 0..255) of two same-size images. */
function difference(a: ImageData, b: ImageData) {
  if (a.width !== b.width || a.height !== b.height) return { mean: Infinity, max: Infinity };
  let sum = 0;
  let max = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      const d = Math.abs(a.data[i + c]! - b.data[i + c]!);
      sum += d;
      if (d > max) max = d;
    }
  }
  return { mean: sum / ((a.data.length / 4) * 3), max };
}

/** Errors come back as data: the tests assert on code and message. */
async function outcome<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; code: string | null; message: string }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, code: mediaErrorFrom(error)?.code ?? null, message: (error as Error).message };
  }
}

const harness = {
  startWorkers,

  async decode(url: string, sampleRate: number, engine: EngineChoice = 'auto') {
    const file = await fileAt(url);
    return outcome(async () => {
      const t0 = performance.now();
      const out = await media.call('decodeAudio', [file, { sampleRate, engine }], { fileName: file.name });
      let peak = 0;
      let sumSq = 0;
      for (const v of out.pcm) {
        peak = Math.max(peak, Math.abs(v));
        sumSq += v * v;
      }
      return { length: out.pcm.length, sampleRate: out.sampleRate, durationSec: out.durationSec, sourceChannels: out.sourceChannels, sourceSampleRate: out.sourceSampleRate, engine: out.engine, peak, rms: Math.sqrt(sumSq / Math.max(1, out.pcm.length)), ms: performance.now() - t0 };
    });
  },

  async probe(url: string, engine: EngineChoice = 'auto') {
    const file = await fileAt(url);
    return outcome(() => media.call('probe', [file, { engine }], { fileName: file.name }));
  },

  /** Extracts a frame and compares it with reference PNGs (Debian ffmpeg's decode of the same frame). */
  async frameVersus(url: string, at: number | 'last', references: string[], engine: EngineChoice = 'auto') {
    const file = await fileAt(url);
    return outcome(async () => {
      const t0 = performance.now();
      const frame = await media.call('extractFrame', [file, { at, engine }], { fileName: file.name });
      const ms = performance.now() - t0;
      const pixels = await pixelsOf(frame.image);
      const diffs: Record<string, { mean: number; max: number }> = {};
      for (const ref of references) diffs[ref] = difference(pixels, await pixelsOf(await (await fetch(ref)).blob()));
      return { width: frame.width, height: frame.height, type: frame.image.type, timestampSec: frame.timestampSec, engine: frame.engine, diffs, ms, workerMs: frame.ms };
    });
  },

  async strip(url: string, count: number, width: number, engine: EngineChoice = 'auto') {
    const file = await fileAt(url);
    return outcome(async () => {
      const strip = await media.call('thumbnailStrip', [file, { count, width, engine }], { fileName: file.name });
      // The mean colour of each thumbnail: consecutive thumbnails of the test clip must differ.
      const means = [];
      for (const f of strip.frames) {
        const p = await pixelsOf(f.image);
        let r = 0;
        for (let i = 0; i < p.data.length; i += 4) r += p.data[i]!;
        means.push(r / (p.data.length / 4));
      }
      return { count: strip.frames.length, width: strip.width, height: strip.height, engine: strip.engine, times: strip.frames.map((f) => f.timestampSec), types: strip.frames.map((f) => f.image.type), bytes: strip.frames.map((f) => f.image.size), means };
    });
  },

  async waveform(url: string, buckets: number) {
    const file = await fileAt(url);
    return outcome(async () => {
      const peaks = await media.call('waveform', [file, { buckets }], { fileName: file.name });
      return { min: Array.from(peaks.min), max: Array.from(peaks.max), bucketSec: peaks.bucketSec, durationSec: peaks.durationSec, engine: peaks.engine };
    });
  },

  async transcode(url: string, target: 'mp4-h264' | 'webm-vp9') {
    const file = await fileAt(url);
    return outcome(async () => {
      const out = await media.call('transcode', [file, { target }], { fileName: file.name, timeoutMs: 120_000 });
      const probe = await media.call('probe', [out.file, {}], { fileName: out.name });
      // Can this browser actually play the result?
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(out.file);
      const playable = await new Promise<boolean>((resolve) => {
        video.onloadeddata = () => resolve(true);
        video.onerror = () => resolve(false);
      });
      URL.revokeObjectURL(video.src);
      return { name: out.name, mimeType: out.mimeType, bytes: out.file.size, probe, playable };
    });
  },

  async beats(url: string, engine: EngineChoice = 'auto') {
    const file = await fileAt(url);
    return outcome(() => audio.call('analyzeFile', [file, { engine }], { fileName: file.name }));
  },

  /** Beats of synthetic PCM made on the page (a click every `periodSec`). */
  async beatsOfClicks(seconds: number, periodSec: number, sampleRate = 22050) {
    const pcm = new Float32Array(Math.round(seconds * sampleRate));
    for (let t = 0; t < seconds; t += periodSec) {
      const start = Math.round(t * sampleRate);
      for (let i = 0; i < 400 && start + i < pcm.length; i++) pcm[start + i] = Math.sin(i * 0.3) * Math.exp(-i / 80);
    }
    return outcome(() => audio.call('analyzePcm', [pcm, sampleRate], { transfer: [pcm.buffer] }));
  },

  /** Supervisor checks against a worker that can hang or crash. */
  async supervisorScenario(kind: 'hang' | 'crash') {
    const worker = createSupervisedWorker<{ ping(): string; spin(ms: number): string; crash(): Promise<never> }>({
      label: 'test worker',
      create: () => new Worker(new URL('./hanging.worker.ts', import.meta.url), { type: 'module' }),
      defaultTimeoutMs: 500,
    });
    const first = await outcome(() => (kind === 'hang' ? worker.call('spin', [10_000], { fileName: 'stuck.mov' }) : worker.call('crash', [], { fileName: 'boom.mov' })));
    const after = await outcome(() => worker.call('ping', []));
    const restarts = worker.restarts;
    worker.dispose();
    return { first, after, restarts };
  },

  restarts: () => ({ media: media.restarts, audio: audio.restarts }),
};

declare global {
  interface Window {
    mediaHarness: typeof harness;
  }
}

startWorkers();
window.mediaHarness = harness;
document.title = 'media harness ready';
