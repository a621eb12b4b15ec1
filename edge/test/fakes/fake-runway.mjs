// Fake Runway API: POST /v1/image_to_video, GET/DELETE /v1/tasks/:id (shared/wire/runway.md),
// plus the signed output URL it hands out.
import { randomUUID } from 'node:crypto';
import { fakeMp4, readJson, scenarioOf, sendJson } from './fake-http.mjs';

const RATIOS = {
  gen4_turbo: ['1280:720', '720:1280', '1104:832', '832:1104', '960:960', '1584:672'],
  'gen4.5': ['1280:720', '720:1280', '1104:832', '832:1104', '960:960', '1584:672'],
  'veo3.1': ['1280:720', '720:1280', '1080:1920', '1920:1080'],
  'veo3.1_fast': ['1280:720', '720:1280', '1080:1920', '1920:1080'],
};

export function makeFakeRunway(state) {
  const tasks = new Map();

  function checkAuth(req, res) {
    if (![state.options.runwayKey, state.options.realLookingKeys.runway].some((key) => req.headers.authorization === `Bearer ${key}`)) {
      res.writeHead(401, { 'Content-Type': 'text/plain', 'Content-Length': 0 });
      res.end();
      return false;
    }
    if (req.headers['x-runway-version'] !== '2024-11-06') {
      sendJson(res, 400, { error: 'X-Runway-Version header is missing or unsupported' });
      return false;
    }
    return true;
  }

  function validation(res, issues) {
    sendJson(res, 400, { error: 'Validation of body failed', issues, docUrl: 'https://docs.dev.runwayml.com/api' });
  }

  async function start(req, res) {
    if (!checkAuth(req, res)) return;
    const body = await readJson(req);
    if (!body || typeof body.model !== 'string') {
      return validation(res, [{ expected: 'string', code: 'invalid_type', path: ['model'], message: 'Invalid input: expected string, received undefined' }]);
    }
    const ratios = RATIOS[body.model];
    if (!ratios) return validation(res, [{ code: 'invalid_union', errors: [], note: 'No matching discriminator', discriminator: 'model', path: ['model'], message: 'Invalid input' }]);
    if (!ratios.includes(body.ratio)) {
      return validation(res, [{ code: 'invalid_value', path: ['ratio'], message: `Invalid option: expected one of ${ratios.map((r) => `"${r}"`).join('|')}` }]);
    }
    if (!body.promptImage) return validation(res, [{ code: 'invalid_type', path: ['promptImage'], message: 'Invalid input: expected string, received undefined' }]);
    const scenario = scenarioOf(body.promptText);
    if (scenario === '429') return sendJson(res, 429, { error: 'Your daily task limit has been reached.' });
    state.counts.runwayStarts += 1;
    const id = randomUUID();
    tasks.set(id, { id, createdAt: new Date().toISOString(), polls: 0, scenario, cancelled: false, deleted: false });
    sendJson(res, 200, { id });
  }

  function taskBody(task) {
    const base = { id: task.id, createdAt: task.createdAt };
    if (task.cancelled) return { ...base, status: 'CANCELLED' };
    const done = state.options.runwayPollsUntilDone;
    if (task.polls < done) return task.polls === 0 ? { ...base, status: 'PENDING' } : { ...base, status: 'RUNNING', progress: Math.round((task.polls / done) * 1000) / 1000 };
    if (task.scenario === 'fail') return { ...base, status: 'FAILED', failure: 'An unexpected error occurred.', failureCode: 'INTERNAL.BAD_OUTPUT.CODE01' };
    if (task.scenario === 'safety') return { ...base, status: 'FAILED', failure: 'Your prompt was flagged by our content moderation.', failureCode: 'SAFETY.INPUT.TEXT' };
    return { ...base, status: 'SUCCEEDED', output: [`${state.url}/__fake/media/runway/${task.id}.mp4?_jwt=eyJhbGciOiJIUzI1NiJ9.e30.fake`] };
  }

  return async function handle(req, res, url) {
    if (url.pathname === '/v1/image_to_video' && req.method === 'POST') return await start(req, res), true;
    let m = /^\/v1\/tasks\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (m) {
      if (!checkAuth(req, res)) return true;
      const task = tasks.get(m[1]);
      if (!task || task.deleted) return sendJson(res, 404, { error: 'Task not found' }), true;
      if (req.method === 'DELETE') {
        const body = taskBody(task);
        if (['PENDING', 'THROTTLED', 'RUNNING'].includes(body.status)) task.cancelled = true;
        else task.deleted = true;
        state.counts.runwayCancels += 1;
        res.writeHead(204);
        return res.end(), true;
      }
      const body = taskBody(task);
      task.polls += 1;
      return sendJson(res, 200, body), true;
    }
    m = /^\/__fake\/media\/runway\/([0-9a-f-]{36})\.mp4$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      if (req.headers.authorization) state.counts.authOnRunwayOutput += 1;
      const bytes = fakeMp4(`runway ${m[1]}`);
      res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': bytes.length });
      return res.end(bytes), true;
    }
    return false;
  };
}
