import { mediaWorker } from '../../workers/page-workers';

/** A node's media call waits at most this long (the canvas retries a node; an asset's analysis waits longer). */
export const CANVAS_MEDIA_TIMEOUT_MS = 60_000;

/** The exact last frame of a video as PNG (what Extend continues from). */
export async function lastFrameOf(video: Blob, name: string): Promise<Blob> {
  const frame = await mediaWorker().call('extractFrame', [video, { at: 'last', type: 'image/png' }], { fileName: name, timeoutMs: CANVAS_MEDIA_TIMEOUT_MS });
  return frame.image;
}
