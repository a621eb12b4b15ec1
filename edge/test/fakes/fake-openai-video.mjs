// Fake OpenAI Videos API (Sora): POST /v1/videos (multipart: model, prompt, seconds, size,
// input_reference), GET /v1/videos/:id, GET /v1/videos/:id/content, POST /v1/videos/:id/remix,
// DELETE /v1/videos/:id. Errors as {"error": {message, type, param, code}}; a 429 carries
// x-ratelimit-reset-requests like the real one. Scenarios: "[fake:429]" (rate limit),
// "[fake:quota]" (insufficient_quota), "[fake:moderation]" (the video fails moderation).
import { randomBytes } from 'node:crypto';
import { fakeMp4, readBody, scenarioOf, sendJson } from './fake-http.mjs';

const MODELS = { 'sora-2': ['720x1280', '1280x720'], 'sora-2-pro': ['720x1280', '1280x720', '1024x1792', '1792x1024'] };
const SECONDS = ['4', '8', '12'];

export function makeFakeOpenAiVideo(state) {
  const videos = new Map();
  const error = (res, status, message, code, param = null, headers = {}) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    sendJson(res, status, { error: { message, type: status === 429 ? 'requests' : 'invalid_request_error', param, code } });
  };

  function checkAuth(req, res) {
    if (req.headers.authorization === `Bearer ${state.options.openaiKey}`) return true;
    error(res, 401, 'Incorrect API key provided.', 'invalid_api_key');
    return false;
  }

  const body = (v) => {
    const done = state.options.openaiPollsUntilDone;
    const base = { id: v.id, object: 'video', model: v.model, created_at: v.createdAt, size: v.size, seconds: v.seconds, quality: 'standard', remixed_from_video_id: v.remixedFrom ?? null, expires_at: null, completed_at: null, error: null };
    if (v.polls < 1) return { ...base, status: 'queued', progress: 0 };
    if (v.polls < done) return { ...base, status: 'in_progress', progress: Math.round((v.polls / done) * 100) };
    if (v.scenario === 'moderation') return { ...base, status: 'failed', progress: 100, error: { code: 'moderation_blocked', message: 'Your request was blocked by our moderation system.' } };
    return { ...base, status: 'completed', progress: 100, completed_at: v.createdAt + 60, expires_at: v.createdAt + 3600 };
  };

  function create(res, fields) {
    const scenario = scenarioOf(fields.prompt);
    if (scenario === '429') return error(res, 429, `Rate limit reached for ${fields.model} in organization org-fake on requests per min (RPM): Limit 2, Used 2, Requested 1.`, 'rate_limit_exceeded', null, { 'x-ratelimit-reset-requests': '7s' });
    if (scenario === 'quota') return error(res, 429, 'You exceeded your current quota, please check your plan and billing details.', 'insufficient_quota');
    const id = `video_${randomBytes(24).toString('hex')}`;
    const video = { id, model: fields.model, size: fields.size, seconds: fields.seconds, createdAt: Math.floor(Date.now() / 1000), polls: 0, scenario, remixedFrom: fields.remixedFrom, prompt: fields.prompt };
    videos.set(id, video);
    state.counts.openaiStarts += 1;
    sendJson(res, 200, body(video));
  }

  async function start(req, res) {
    if (!checkAuth(req, res)) return;
    if (!/^multipart\/form-data/.test(req.headers['content-type'] ?? '')) return error(res, 400, "Invalid Content-Type header (application/json), expected multipart/form-data.", null);
    const form = await new Request('http://fake/v1/videos', { method: 'POST', headers: { 'content-type': req.headers['content-type'] }, body: await readBody(req) }).formData();
    const fields = { model: form.get('model') ?? 'sora-2', prompt: form.get('prompt'), seconds: form.get('seconds') ?? '4', size: form.get('size') ?? '720x1280' };
    if (typeof fields.prompt !== 'string' || !fields.prompt) return error(res, 400, "Missing required parameter: 'prompt'.", 'missing_required_parameter', 'prompt');
    if (!MODELS[fields.model]) return error(res, 400, `Invalid value: '${fields.model}'. Supported values are: 'sora-2' and 'sora-2-pro'.`, 'invalid_value', 'model');
    if (!SECONDS.includes(fields.seconds)) return error(res, 400, `Invalid value: '${fields.seconds}'. Supported values are: '4', '8', and '12'.`, 'invalid_value', 'seconds');
    if (!MODELS[fields.model].includes(fields.size)) return error(res, 400, `Invalid value: '${fields.size}'. Supported values are: ${MODELS[fields.model].map((s) => `'${s}'`).join(', ')}.`, 'invalid_value', 'size');
    const reference = form.get('input_reference');
    if (reference && typeof reference !== 'string') state.counts.openaiReferenceBytes += reference.size;
    create(res, fields);
  }

  return async function handle(req, res, url) {
    if (url.pathname === '/v1/videos' && req.method === 'POST') return await start(req, res), true;
    const m = /^\/v1\/videos\/(video_[0-9a-f]+)(\/content|\/remix)?$/.exec(url.pathname);
    if (!m) return false;
    if (!checkAuth(req, res)) return true;
    const video = videos.get(m[1]);
    if (!video) return error(res, 404, `Video with id '${m[1]}' not found.`, null), true;
    if (m[2] === '/remix' && req.method === 'POST') {
      if (body(video).status !== 'completed') return error(res, 400, 'Cannot remix a video that is not completed.', 'invalid_request'), true;
      const remix = JSON.parse((await readBody(req)).toString() || '{}');
      if (typeof remix.prompt !== 'string' || !remix.prompt) return error(res, 400, "Missing required parameter: 'prompt'.", 'missing_required_parameter', 'prompt'), true;
      return create(res, { model: video.model, size: video.size, seconds: video.seconds, prompt: remix.prompt, remixedFrom: video.id }), true;
    }
    if (m[2] === '/content' && req.method === 'GET') {
      if (body(video).status !== 'completed') return error(res, 400, 'Video is not ready yet.', 'invalid_request'), true;
      state.counts.openaiDownloads += 1;
      const bytes = fakeMp4(`openai ${video.id} ${video.remixedFrom ? 'remix' : 'original'}`);
      res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': bytes.length });
      return res.end(bytes), true;
    }
    if (req.method === 'DELETE') {
      videos.delete(video.id);
      return sendJson(res, 200, { id: video.id, object: 'video.deleted', deleted: true }), true;
    }
    if (req.method === 'GET') {
      const answer = body(video);
      video.polls += 1;
      return sendJson(res, 200, answer), true;
    }
    return false;
  };
}
