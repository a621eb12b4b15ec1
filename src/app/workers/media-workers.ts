import type { AudioWorkerApi } from '../../../workers/audio.worker';
import type { MediaWorkerApi } from '../../../workers/media.worker';
import { createSupervisedWorker, type SupervisedWorker } from '../../../workers/media/supervised-worker';

/** ffmpeg.wasm is served from our own origin (works offline); it is only loaded when WebCodecs cannot decode a file. */
const ffmpeg = () => ({ coreBaseUrl: new URL('/wasm/ffmpeg/', location.origin).href });

/** Decoding a long track can take a while on a slow device; a stuck worker is replaced after this. */
const CALL_TIMEOUT_MS = 120_000;

let media: SupervisedWorker<MediaWorkerApi> | null = null;
let audio: SupervisedWorker<AudioWorkerApi> | null = null;

/** The page's media worker (probe, frames, waveform peaks), started on first use. */
export function mediaWorker(): SupervisedWorker<MediaWorkerApi> {
  return (media ??= createSupervisedWorker<MediaWorkerApi>({
    label: 'media worker',
    create: () => new Worker(new URL('../../../workers/media.worker.ts', import.meta.url), { type: 'module', name: 'media' }),
    setup: (api) => api.init({ ffmpeg: ffmpeg() }),
    defaultTimeoutMs: CALL_TIMEOUT_MS,
  }));
}

/** The page's audio worker (tempo, beats, downbeats), started on first use. */
export function audioWorker(): SupervisedWorker<AudioWorkerApi> {
  return (audio ??= createSupervisedWorker<AudioWorkerApi>({
    label: 'audio worker',
    create: () => new Worker(new URL('../../../workers/audio.worker.ts', import.meta.url), { type: 'module', name: 'audio' }),
    setup: (api) => api.init({ ffmpeg: ffmpeg() }),
    defaultTimeoutMs: CALL_TIMEOUT_MS,
  }));
}
