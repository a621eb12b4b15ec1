import type { AudioWorkerApi } from '../../../workers/audio.worker';
import type { BundlerWorkerApi } from '../../../workers/bundler.worker';
import type { MediaWorkerApi } from '../../../workers/media.worker';
import type { VisionWorkerApi } from '../../../workers/vision.worker';
import type { VoiceWorkerApi } from '../../../workers/voice.worker';
import { createSupervisedWorker, type SupervisedWorker } from '../../../workers/media/supervised-worker';
import { makeWorkerRegistry } from './worker-registry';

/** ffmpeg.wasm is served from our own origin (works offline); it is only loaded when WebCodecs cannot decode a file. */
const ffmpeg = () => ({ coreBaseUrl: new URL('/wasm/ffmpeg/', location.origin).href });

/** Decoding a long track can take a while on a slow device; a stuck worker is replaced after this. */
const MEDIA_CALL_TIMEOUT_MS = 120_000;
/** The first build loads esbuild's wasm (megabytes) on a slow device; one build takes seconds. */
const BUNDLER_CALL_TIMEOUT_MS = 120_000;
/** Loading the face models plus one photo takes a few seconds; far longer means the worker is stuck. */
export const VISION_CALL_TIMEOUT_MS = 25_000;
/** The first narration compiles eSpeak NG's 18 MB wasm; a scene's text then takes about a second. */
const VOICE_CALL_TIMEOUT_MS = 60_000;

interface PageWorkers {
  media: SupervisedWorker<MediaWorkerApi>;
  audio: SupervisedWorker<AudioWorkerApi>;
  vision: SupervisedWorker<VisionWorkerApi>;
  bundler: SupervisedWorker<BundlerWorkerApi>;
  voice: SupervisedWorker<VoiceWorkerApi>;
}

/** Every worker the page starts, one per kind (the TypeScript worker: `createTypecheckWorker`, owned by its client). */
const pageWorkers = makeWorkerRegistry<PageWorkers>({
  media: () =>
    createSupervisedWorker<MediaWorkerApi>({
      label: 'media worker',
      create: () => new Worker(new URL('../../../workers/media.worker.ts', import.meta.url), { type: 'module', name: 'media' }),
      setup: (api) => api.init({ ffmpeg: ffmpeg() }),
      defaultTimeoutMs: MEDIA_CALL_TIMEOUT_MS,
    }),
  audio: () =>
    createSupervisedWorker<AudioWorkerApi>({
      label: 'audio worker',
      create: () => new Worker(new URL('../../../workers/audio.worker.ts', import.meta.url), { type: 'module', name: 'audio' }),
      setup: (api) => api.init({ ffmpeg: ffmpeg() }),
      defaultTimeoutMs: MEDIA_CALL_TIMEOUT_MS,
    }),
  vision: () =>
    createSupervisedWorker<VisionWorkerApi>({
      label: 'face analysis',
      create: () => new Worker(new URL('../../../workers/vision.worker.ts', import.meta.url), { type: 'module', name: 'vision' }),
      defaultTimeoutMs: VISION_CALL_TIMEOUT_MS,
    }),
  bundler: () =>
    createSupervisedWorker<BundlerWorkerApi>({
      label: 'bundler',
      create: () => new Worker(new URL('../../../workers/bundler.worker.ts', import.meta.url), { type: 'module', name: 'bundler' }),
      defaultTimeoutMs: BUNDLER_CALL_TIMEOUT_MS,
    }),
  voice: () =>
    createSupervisedWorker<VoiceWorkerApi>({
      label: 'offline voice',
      create: () => new Worker(new URL('../../../workers/voice.worker.ts', import.meta.url), { type: 'module', name: 'voice' }),
      defaultTimeoutMs: VOICE_CALL_TIMEOUT_MS,
    }),
});

/** The page's media worker (probe, frames, waveform peaks). */
export const mediaWorker = () => pageWorkers.get('media');
/** The page's audio worker (tempo, beats, downbeats). */
export const audioWorker = () => pageWorkers.get('audio');
/** The page's face-analysis worker (MediaPipe detector + ONNX embedder). */
export const visionWorker = () => pageWorkers.get('vision');
/** The page's offline voice (eSpeak NG). */
export const voiceWorker = () => pageWorkers.get('voice');
/** The page's bundler (esbuild-wasm). */
export const bundlerWorker = () => pageWorkers.get('bundler');

/** A fresh TypeScript worker; its client (typecheck-client) keeps one and replaces it when it fails. */
export const createTypecheckWorker = () => new Worker(new URL('../../../workers/typecheck.worker.ts', import.meta.url), { type: 'module', name: 'typecheck' });
