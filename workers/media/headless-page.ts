/**
 * The page the `director` CLI opens in headless Chromium (workers/media/headless-session.ts): the
 * app's media and audio workers behind the same supervisor, fed with the file the CLI serves at
 * /input. Results come back as JSON; images as base64.
 */
import type { AudioWorkerApi } from '../audio.worker';
import type { MediaWorkerApi } from '../media.worker';
import { createSupervisedWorker } from './supervised-worker';
import type { FramePosition } from '../../src/core/media/frame-position';

const ffmpeg = { coreBaseUrl: new URL('/wasm/ffmpeg/', location.origin).href, classWorkerUrl: new URL('/ffmpeg-class/worker.js', location.origin).href };
const worker = (name: string) => () => new Worker(new URL(`/assets/${name}.worker.js`, location.origin), { type: 'module' });

const media = createSupervisedWorker<MediaWorkerApi>({ label: 'media worker', create: worker('media'), setup: (api) => api.init({ ffmpeg }), defaultTimeoutMs: 120_000 });
const audio = createSupervisedWorker<AudioWorkerApi>({ label: 'audio worker', create: worker('audio'), setup: (api) => api.init({ ffmpeg }), defaultTimeoutMs: 120_000 });

async function input(name: string): Promise<File> {
  const response = await fetch('/input');
  if (!response.ok) throw new Error(`headless page: input not served (${response.status})`);
  return new File([await response.blob()], name);
}

function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Time limits grow with the file: 30 s plus 2 s per MB (decoding long files on 2 cores). */
const limitFor = (file: File) => 30_000 + 2_000 * (file.size / 1e6);

const directorMedia = {
  async frame(name: string, at: FramePosition, type: 'image/png' | 'image/jpeg') {
    const file = await input(name);
    const frame = await media.call('extractFrame', [file, { at, type }], { fileName: name, timeoutMs: limitFor(file) });
    return { base64: base64(new Uint8Array(await frame.image.arrayBuffer())), width: frame.width, height: frame.height, timestampSec: frame.timestampSec, engine: frame.engine, ms: frame.ms };
  },
  async beats(name: string) {
    const file = await input(name);
    return audio.call('analyzeFile', [file], { fileName: name, timeoutMs: limitFor(file) });
  },
};

declare global {
  interface Window {
    directorMedia: typeof directorMedia;
  }
}
window.directorMedia = directorMedia;
document.title = 'director media ready';
