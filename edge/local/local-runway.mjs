// Local demo Runway: POST /v1/image_to_video, GET/DELETE /v1/tasks/:id (shared/wire/runway.md),
// answered with real clips from the demo media maker, served from this server's own output URLs.
import { randomUUID } from 'node:crypto';
import { makeDemoVideo } from './demo-media.mjs';
import { findFfmpeg } from './ffmpeg-tool.mjs';
import { readJson, sendJson } from './wire-http.mjs';

/** Ratios (which are pixel sizes) and durations per model, runway.md §2. */
const MODELS = {
  gen4_turbo: { ratios: ['1280:720', '720:1280', '1104:832', '832:1104', '960:960', '1584:672'], durations: [2, 3, 4, 5, 6, 7, 8, 9, 10], defaultDuration: 5 },
  'gen4.5': { ratios: ['1280:720', '720:1280', '1104:832', '832:1104', '960:960', '1584:672'], durations: [2, 3, 4, 5, 6, 7, 8, 9, 10], defaultDuration: 5, needs: ['promptText', 'duration'] },
  'veo3.1': { ratios: ['1280:720', '720:1280', '1080:1920', '1920:1080'], durations: [4, 6, 8], defaultDuration: 8, lastFrame: true },
  'veo3.1_fast': { ratios: ['1280:720', '720:1280', '1080:1920', '1920:1080'], durations: [4, 6, 8], defaultDuration: 8, lastFrame: true },
  veo3: { ratios: ['1280:720', '720:1280', '1080:1920', '1920:1080'], durations: [8], defaultDuration: 8, needs: ['duration'] },
};

export const RUNWAY_VERSION = '2024-11-06';

/**
 * @param {{ url: () => string, media: import('./media-store.mjs').MediaStore }} ctx
 */
export function makeLocalRunway(ctx) {
  const tasks = new Map();

  function checkAuth(req, res) {
    if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) {
      res.writeHead(401, { 'Content-Type': 'text/plain', 'Content-Length': 0 });
      res.end();
      return false;
    }
    if (req.headers['x-runway-version'] !== RUNWAY_VERSION) {
      sendJson(res, 400, { error: `X-Runway-Version header is missing or unsupported (use ${RUNWAY_VERSION})` });
      return false;
    }
    return true;
  }

  const invalid = (res, issues) => sendJson(res, 400, { error: 'Validation of body failed', issues, docUrl: 'https://docs.dev.runwayml.com/api' });

  async function start(req, res) {
    if (!checkAuth(req, res)) return;
    const body = await readJson(req);
    if (!body || typeof body.model !== 'string') return invalid(res, [{ expected: 'string', code: 'invalid_type', path: ['model'], message: 'Invalid input: expected string, received undefined' }]);
    const model = MODELS[body.model];
    if (!model) return invalid(res, [{ code: 'invalid_union', errors: [], note: 'No matching discriminator', discriminator: 'model', path: ['model'], message: 'Invalid input' }]);
    for (const field of model.needs ?? []) {
      if (body[field] === undefined) return invalid(res, [{ code: 'invalid_type', path: [field], message: `Invalid input: expected ${field === 'duration' ? 'number' : 'string'}, received undefined` }]);
    }
    if (!model.ratios.includes(body.ratio)) return invalid(res, [{ code: 'invalid_value', path: ['ratio'], message: `Invalid option: expected one of ${model.ratios.map((r) => `"${r}"`).join('|')}` }]);
    const duration = body.duration === undefined ? model.defaultDuration : body.duration;
    if (!model.durations.includes(duration)) return invalid(res, [{ code: 'invalid_value', path: ['duration'], message: `Invalid option: expected one of ${model.durations.join('|')}` }]);
    if (typeof body.promptText === 'string' && body.promptText.length > 1000) return invalid(res, [{ code: 'too_big', maximum: 1000, origin: 'string', inclusive: true, path: ['promptText'], message: 'Too big: expected string to have <=1000 characters' }]);
    const images = promptImages(body.promptImage);
    if (!images.ok) return invalid(res, [{ code: 'custom', path: ['promptImage'], message: images.message }]);
    if (images.last && !model.lastFrame) return invalid(res, [{ code: 'custom', path: ['promptImage'], message: `position "last" is not supported by ${body.model}` }]);
    const maker = findFfmpeg();
    if (!maker.ok) return sendJson(res, 400, { error: maker.message });

    const [width, height] = body.ratio.split(':').map(Number);
    const task = { id: randomUUID(), createdAt: new Date().toISOString(), startedAt: Date.now(), seconds: duration, status: 'RUNNING' };
    tasks.set(task.id, task);
    const [first, last] = await Promise.all([images.first, images.last].map(fetchImage));
    makeDemoVideo({ prompt: body.promptText?.trim() || 'Runway image to video', seed: body.seed, width, height, seconds: duration, firstFrame: first, lastFrame: last })
      .then((bytes) => {
        task.fileId = ctx.media.put(bytes, 'video/mp4');
        if (task.status === 'RUNNING') task.status = 'SUCCEEDED';
      })
      .catch((err) => {
        task.failure = `The local demo video maker failed: ${String(err.message).slice(0, 300)}`;
        if (task.status === 'RUNNING') task.status = 'FAILED';
      });
    sendJson(res, 200, { id: task.id });
  }

  function taskBody(task) {
    const base = { id: task.id, createdAt: task.createdAt, status: task.status };
    if (task.status === 'RUNNING') {
      // About 1.5 s of work per second of video on a small machine: an honest-looking estimate.
      const progress = Math.min(0.95, (Date.now() - task.startedAt) / (task.seconds * 1500));
      return { ...base, progress: Math.round(progress * 1000) / 1000 };
    }
    if (task.status === 'SUCCEEDED') return { ...base, output: [`${ctx.url()}/__local/media/runway/${task.fileId}.mp4`] };
    if (task.status === 'FAILED') return { ...base, failure: task.failure, failureCode: 'INTERNAL' };
    return base;
  }

  /** Handles the request when it is a Runway path; returns false otherwise. */
  return async function handle(req, res, url) {
    if (url.pathname === '/v1/image_to_video' && req.method === 'POST') return await start(req, res), true;
    let m = /^\/v1\/tasks\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (m) {
      if (!checkAuth(req, res)) return true;
      const task = tasks.get(m[1]);
      if (!task) return sendJson(res, 404, { error: 'Task not found' }), true;
      if (req.method === 'DELETE') {
        // A running task is cancelled; a finished one is deleted (runway.md §4).
        if (task.status === 'RUNNING') task.status = 'CANCELLED';
        else tasks.delete(task.id);
        res.writeHead(204);
        return res.end(), true;
      }
      return sendJson(res, 200, taskBody(task)), true;
    }
    // The output URL: pre-signed at Runway, so it takes no key here either.
    m = /^\/__local\/media\/runway\/([a-z0-9]+)\.mp4$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      const file = ctx.media.get(m[1]);
      if (!file) return sendJson(res, 404, { error: 'output expired' }), true;
      res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.bytes.length });
      return res.end(file.bytes), true;
    }
    return false;
  };
}

/** `promptImage` is a URI or `[{uri, position: first|last}]`; "last" alone is not allowed. */
function promptImages(promptImage) {
  if (typeof promptImage === 'string' && promptImage) return { ok: true, first: promptImage };
  if (Array.isArray(promptImage) && promptImage.length) {
    const first = promptImage.find((p) => p?.position === 'first')?.uri;
    const last = promptImage.find((p) => p?.position === 'last')?.uri;
    if (!first) return { ok: false, message: 'an image with position "first" is required' };
    return { ok: true, first, last };
  }
  return { ok: false, message: 'Invalid input: expected string, received undefined' };
}

/** Data URIs are decoded; an https image is fetched when this machine can (it has no network, the clip is made without it). */
async function fetchImage(uri) {
  if (!uri) return undefined;
  const data = /^data:image\/[a-z+.-]+;base64,(.+)$/i.exec(uri);
  if (data) return Buffer.from(data[1], 'base64');
  try {
    const response = await fetch(uri, { signal: AbortSignal.timeout(5000) });
    return response.ok ? Buffer.from(await response.arrayBuffer()) : undefined;
  } catch {
    return undefined;
  }
}
