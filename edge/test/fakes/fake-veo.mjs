// Fake Veo on the Gemini API: predictLongRunning, operation polling and video download
// (shared/wire/veo.md). Operations stay resolvable after completion, as the app resumes by name.
import { fakeMp4, googleError, googleId, readJson, scenarioOf, sendGoogleJson } from './fake-http.mjs';

export function makeFakeVeo(state) {
  const operations = new Map();

  function checkKey(req, url, res) {
    const key = req.headers['x-goog-api-key'] ?? url.searchParams.get('key');
    if (!key) return googleError(res, 403, 'PERMISSION_DENIED', "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API."), false;
    if (![...state.options.geminiKeys, state.options.realLookingKeys.gemini].includes(key)) {
      return googleError(res, 400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }]), false;
    }
    return true;
  }

  async function start(req, res, url, model) {
    if (!checkKey(req, url, res)) return;
    const body = await readJson(req);
    const instance = body?.instances?.[0];
    if (!instance || typeof instance.prompt !== 'string') return googleError(res, 400, 'INVALID_ARGUMENT', 'instances[0].prompt is required');
    const params = body.parameters ?? {};
    const duration = params.durationSeconds === undefined ? 8 : Number(params.durationSeconds);
    if (![4, 6, 8].includes(duration)) return googleError(res, 400, 'INVALID_ARGUMENT', `durationSeconds must be 4, 6 or 8, got ${params.durationSeconds}`);
    if ((params.resolution === '1080p' || params.resolution === '4k') && duration !== 8) {
      return googleError(res, 400, 'INVALID_ARGUMENT', `resolution ${params.resolution} requires durationSeconds 8`);
    }
    for (const field of ['image', 'lastFrame']) {
      const img = instance[field];
      if (img && !(img.inlineData?.data || img.bytesBase64Encoded)) return googleError(res, 400, 'INVALID_ARGUMENT', `instances[0].${field} needs inlineData or bytesBase64Encoded`);
    }
    const scenario = scenarioOf(instance.prompt);
    if (scenario === '429') {
      return googleError(res, 429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota. Please retry in 31s.', [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '31s' }]);
    }
    if (scenario === 'invalid') return googleError(res, 400, 'INVALID_ARGUMENT', 'Request contains an invalid argument.');
    if (scenario === 'retired') return googleError(res, 404, 'NOT_FOUND', `models/${model} is no longer available`);
    state.counts.veoStarts += 1;
    state.counts.veoStartsByPrompt[instance.prompt] = (state.counts.veoStartsByPrompt[instance.prompt] ?? 0) + 1;
    const id = googleId(12);
    const name = `models/${model}/operations/${id}`;
    const pollsMatch = /^polls:(\d+)$/.exec(scenario);
    operations.set(name, { name, scenario, polls: 0, pollsUntilDone: pollsMatch ? Number(pollsMatch[1]) : state.options.veoPollsUntilDone, videoId: googleId(12) });
    // 'late:<ms>': the start is accepted (and billed) at once, but the answer comes after <ms>.
    const late = /^late:(\d+)$/.exec(scenario);
    if (late) await new Promise((resolve) => setTimeout(resolve, Number(late[1])));
    sendGoogleJson(res, 200, { name });
  }

  function operationBody(op) {
    if (op.polls < op.pollsUntilDone) return { name: op.name };
    // 'fail' fails until a test heals the fake (POST /__fake/veo-heal), so a retry can succeed.
    if (op.scenario === 'fail' && !state.veoHealed) return { name: op.name, done: true, error: { code: 13, message: 'Video generation failed due to an internal error. Please retry.' } };
    const response = { '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse' };
    if (op.scenario === 'rai') {
      response.generateVideoResponse = { raiMediaFilteredCount: 1, raiMediaFilteredReasons: ["We couldn't generate this video because the input image may show a real public figure. You won't be charged. Support code: 39114057"] };
    } else {
      response.generateVideoResponse = { generatedSamples: [{ video: { uri: `${state.url}/v1beta/files/${op.videoId}:download?alt=media` } }] };
    }
    return { name: op.name, done: true, response };
  }

  return async function handle(req, res, url) {
    let m = /^\/v1beta\/models\/([^/:]+):predictLongRunning$/.exec(url.pathname);
    if (m && req.method === 'POST') return await start(req, res, url, m[1]), true;
    m = /^\/v1beta\/(models\/[^/]+\/operations\/[a-z0-9]+)$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      if (!checkKey(req, url, res)) return true;
      const op = operations.get(m[1]);
      if (!op) return googleError(res, 404, 'NOT_FOUND', `Operation ${m[1]} not found.`), true;
      op.polls += 1;
      state.counts.veoPolls += 1;
      return sendGoogleJson(res, 200, operationBody(op)), true;
    }
    m = /^\/v1beta\/files\/([a-z0-9]+):download$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      if (!checkKey(req, url, res)) return true;
      const found = [...operations.values()].find((op) => op.videoId === m[1]);
      if (!found) return googleError(res, 404, 'NOT_FOUND', `File ${m[1]} not found.`), true;
      state.counts.veoDownloads += 1;
      // Google may redirect the download; send it to another origin (localhost vs 127.0.0.1)
      // so tests can check the key does not follow the redirect.
      const host = req.headers.host ?? '';
      const other = host.startsWith('127.0.0.1') ? host.replace('127.0.0.1', 'localhost') : host;
      res.writeHead(302, { Location: `http://${other}/__fake/media/veo/${m[1]}.mp4`, 'Content-Length': 0 });
      return res.end(), true;
    }
    m = /^\/__fake\/media\/veo\/([a-z0-9]+)\.mp4$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      if (req.headers['x-goog-api-key']) state.counts.keyOnRedirectedDownload += 1;
      // A real clip when the caller gives one (browser tests decode it), otherwise a labelled stub.
      const bytes = state.options.videoBytes ?? fakeMp4(`veo ${m[1]}`);
      res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': bytes.length });
      return res.end(bytes), true;
    }
    return false;
  };
}
