import type { MediaWorkerApi } from '../../../../workers/media.worker';
import { createSupervisedWorker, type SupervisedWorker } from '../../../../workers/media/supervised-worker';

let media: SupervisedWorker<MediaWorkerApi> | null = null;

/** The page's media worker (frames, probes, waveforms), with time limits and restarts. */
export function mediaWorker(): SupervisedWorker<MediaWorkerApi> {
  media ??= createSupervisedWorker<MediaWorkerApi>({
    label: 'media worker',
    create: () => new Worker(new URL('../../../../workers/media.worker.ts', import.meta.url), { type: 'module', name: 'media' }),
    setup: (api) => api.init({ ffmpeg: { coreBaseUrl: new URL('/wasm/ffmpeg/', location.origin).href } }),
    defaultTimeoutMs: 60_000,
  });
  return media;
}

/** The exact last frame of a video as PNG (what Extend continues from). */
export async function lastFrameOf(video: Blob, name: string): Promise<Blob> {
  const frame = await mediaWorker().call('extractFrame', [video, { at: 'last', type: 'image/png' }], { fileName: name });
  return frame.image;
}
