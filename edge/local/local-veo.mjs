// Local demo Veo: the Gemini API's predictLongRunning, operation polling and file download
// (shared/wire/veo.md), answered with real clips from the demo media maker instead of a model.
import { makeDemoVideo, MediaMakerUnavailable } from './demo-media.mjs';
import { findFfmpeg } from './ffmpeg-tool.mjs';
import { googleError, googleId, hasGoogleKey, readJson, sendGoogleJson } from './wire-http.mjs';

/** Veo's sizes (veo.md §2): 16:9 or 9:16 at 720p or 1080p; the demo makes no 4k. */
const SIZES = { '720p': [1280, 720], '1080p': [1920, 1080] };

/** What Veo's extension adds to the input clip (veo.md §8). */
export const EXTENSION_SECONDS = 7;

/**
 * @param {{ url: () => string, media: import('./media-store.mjs').MediaStore }} ctx
 */
export function makeLocalVeo(ctx) {
  const operations = new Map();

  async function start(req, res, url, model) {
    if (!hasGoogleKey(req, url, res)) return;
    const body = await readJson(req);
    const instance = body?.instances?.[0];
    if (!instance || typeof instance.prompt !== 'string' || !instance.prompt.trim()) return googleError(res, 400, 'INVALID_ARGUMENT', 'instances[0].prompt is required');
    const params = body.parameters ?? {};
    const extending = Boolean(instance.video);
    const duration = params.durationSeconds === undefined ? 8 : Number(params.durationSeconds);
    if (![4, 6, 8].includes(duration)) return googleError(res, 400, 'INVALID_ARGUMENT', `durationSeconds must be 4, 6 or 8, got ${params.durationSeconds}`);
    const resolution = params.resolution ?? '720p';
    if (resolution === '4k') return googleError(res, 400, 'INVALID_ARGUMENT', 'resolution 4k is not offered by the local demo provider; ask for 720p or 1080p');
    if (!SIZES[resolution]) return googleError(res, 400, 'INVALID_ARGUMENT', `resolution must be 720p or 1080p, got ${resolution}`);
    if (resolution !== '720p' && duration !== 8) return googleError(res, 400, 'INVALID_ARGUMENT', `resolution ${resolution} requires durationSeconds 8`);
    if (extending && resolution !== '720p') return googleError(res, 400, 'INVALID_ARGUMENT', 'video extension is 720p only');
    const aspect = params.aspectRatio ?? '16:9';
    if (aspect !== '16:9' && aspect !== '9:16') return googleError(res, 400, 'INVALID_ARGUMENT', `aspectRatio must be 16:9 or 9:16, got ${aspect}`);

    let firstFrame;
    let lastFrame;
    let continueFrom;
    try {
      firstFrame = imageBytes(instance.image, 'image');
      lastFrame = imageBytes(instance.lastFrame, 'lastFrame');
      if (lastFrame && !firstFrame) throw new InputError('instances[0].lastFrame needs instances[0].image');
      continueFrom = extending ? videoBytes(instance.video, ctx.media) : undefined;
    } catch (err) {
      if (err instanceof InputError) return googleError(res, 400, 'INVALID_ARGUMENT', err.message);
      throw err;
    }
    const maker = findFfmpeg();
    if (!maker.ok) return googleError(res, 400, 'FAILED_PRECONDITION', maker.message);

    const [long, short] = SIZES[resolution];
    const [width, height] = aspect === '9:16' ? [short, long] : [long, short];
    const name = `models/${model}/operations/${googleId(12)}`;
    const op = { name, done: false };
    operations.set(name, op);
    makeDemoVideo({ prompt: instance.prompt, seed: numberOr(params.seed), width, height, seconds: extending ? EXTENSION_SECONDS : duration, firstFrame, lastFrame, continueFrom })
      .then((bytes) => {
        op.fileId = ctx.media.put(bytes, 'video/mp4');
      })
      .catch((err) => {
        op.error = { code: err instanceof MediaMakerUnavailable ? 9 : 13, message: `The local demo video maker failed: ${String(err.message).slice(0, 300)}` };
      })
      .finally(() => {
        op.done = true;
      });
    sendGoogleJson(res, 200, { name });
  }

  function operationBody(op) {
    if (!op.done) return { name: op.name };
    if (op.error) return { name: op.name, done: true, error: op.error };
    return {
      name: op.name,
      done: true,
      response: {
        '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse',
        generateVideoResponse: { generatedSamples: [{ video: { uri: `${ctx.url()}/v1beta/files/${op.fileId}:download?alt=media` } }] },
      },
    };
  }

  /** Handles the request when it is a Veo path; returns false otherwise. */
  return async function handle(req, res, url) {
    let m = /^\/v1beta\/models\/([^/:]+):predictLongRunning$/.exec(url.pathname);
    if (m && req.method === 'POST') return await start(req, res, url, m[1]), true;
    m = /^\/v1beta\/(models\/[^/]+\/operations\/[a-z0-9]+)$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      if (!hasGoogleKey(req, url, res)) return true;
      const op = operations.get(m[1]);
      if (!op) return googleError(res, 404, 'NOT_FOUND', `Operation ${m[1]} not found (the local demo provider keeps operations until it stops).`), true;
      return sendGoogleJson(res, 200, operationBody(op)), true;
    }
    m = /^\/v1beta\/files\/([a-z0-9]+):download$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      if (!hasGoogleKey(req, url, res)) return true;
      const file = ctx.media.get(m[1]);
      if (!file) return googleError(res, 404, 'NOT_FOUND', `File ${m[1]} not found.`), true;
      res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.bytes.length });
      return res.end(file.bytes), true;
    }
    return false;
  };
}

export class InputError extends Error {}

/** Veo accepts images as `{inlineData: {mimeType, data}}` or `{bytesBase64Encoded, mimeType}` (veo.md §2). */
function imageBytes(image, field) {
  if (!image) return undefined;
  const data = image.inlineData?.data ?? image.bytesBase64Encoded;
  if (typeof data !== 'string' || !data) throw new InputError(`instances[0].${field} needs inlineData or bytesBase64Encoded`);
  return Buffer.from(data, 'base64');
}

/** The clip to extend: a file this provider made (`{uri}`) or inline bytes. */
function videoBytes(video, media) {
  const inline = video.inlineData?.data ?? video.bytesBase64Encoded ?? video.videoBytes;
  if (typeof inline === 'string' && inline) return Buffer.from(inline, 'base64');
  const id = typeof video.uri === 'string' && /\/files\/([a-z0-9]+)(?::download)?/.exec(video.uri)?.[1];
  const file = id && media.get(id);
  if (!file) throw new InputError('instances[0].video must be a video this provider generated (its uri) or inlineData');
  return file.bytes;
}

/** Veo's optional integer seed (a number or a numeric string), else none. */
function numberOr(value) {
  if (value === undefined || value === null || value === '') return undefined;
  return Number.isFinite(Number(value)) ? Number(value) : undefined;
}
