// Fake Gemini API (generativelanguage): generateContent, streamGenerateContent?alt=sse,
// countTokens and the Files API, speaking the wire format of shared/wire/gemini.md.
import { googleError, googleId, readBody, readJson, scenarioOf, sendGoogleJson, sleep } from './fake-http.mjs';
import { fakeSpeechPcm } from './fake-speech.mjs';

const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Text of the last user turn (where scenario markers live). */
function promptText(body) {
  const contents = body?.contents ?? body?.generateContentRequest?.contents ?? [];
  const last = contents[contents.length - 1];
  return (last?.parts ?? []).map((p) => p.text ?? '').join(' ');
}

function usage(prompt, out) {
  return { promptTokenCount: prompt, candidatesTokenCount: out, totalTokenCount: prompt + out, promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }] };
}

/**
 * One SSE event as Google writes it: `data: <one-line json>\r\n\r\n`, members written as
 * `"key": value` with no space after commas (gemini.md §4).
 */
function sseEvent(value) {
  return `data: ${googleLine(value)}\r\n\r\n`;
}

function googleLine(value) {
  if (Array.isArray(value)) return `[${value.map(googleLine).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${googleLine(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function makeFakeGemini(state) {
  const files = new Map();
  const uploads = new Map();

  /** Returns true when the key is fine; otherwise answers like Google and returns false. */
  function checkKey(req, url, res) {
    const key = req.headers['x-goog-api-key'] ?? url.searchParams.get('key');
    state.counts.lastGeminiKey = key ? 'present' : 'absent';
    if (!key) {
      googleError(res, 403, 'PERMISSION_DENIED', "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");
      return false;
    }
    if (![...state.options.geminiKeys, state.options.realLookingKeys.gemini].includes(key)) {
      googleError(res, 400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } },
      ]);
      return false;
    }
    state.counts.geminiKeysSeen[key] = (state.counts.geminiKeysSeen[key] ?? 0) + 1;
    return true;
  }

  /** Error scenarios shared by every model method; returns true when it answered. */
  async function errorScenario(scenario, req, res, model) {
    switch (scenario) {
      case '429':
        googleError(res, 429, 'RESOURCE_EXHAUSTED', `You exceeded your current quota, please check your plan and billing details.\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_paid_tier_requests, limit: 1000, model: ${model}\nPlease retry in 17.204391552s.`, [
          { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_paid_tier_requests', quotaId: 'GenerateRequestsPerMinutePerProjectPerModel', quotaDimensions: { location: 'global', model }, quotaValue: '1000' }] },
          { '@type': 'type.googleapis.com/google.rpc.Help', links: [{ description: 'Learn more about Gemini API quotas', url: 'https://ai.google.dev/gemini-api/docs/rate-limits' }] },
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '17s' },
        ]);
        return true;
      case '500':
        googleError(res, 500, 'INTERNAL', 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting');
        return true;
      case '503':
        googleError(res, 503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.');
        return true;
      case '400':
        googleError(res, 400, 'INVALID_ARGUMENT', 'Invalid JSON payload received. Unknown name "bogus" at \'generation_config\': Cannot find field.');
        return true;
      case 'echo-key':
        // Misbehaving upstream that repeats the key: the edge must scrub it.
        googleError(res, 400, 'INVALID_ARGUMENT', `Request with key ${req.headers['x-goog-api-key']} is malformed`);
        return true;
      case 'hang':
        state.hanging.add(res);
        return true;
      default:
        return false;
    }
  }

  function answer(model, prompt, scenario) {
    const base = { modelVersion: model, responseId: googleId(16) };
    const scripted = state.geminiScript?.length ? state.geminiScript.shift() : null;
    if (scripted) return { candidates: [{ content: { parts: scripted, role: 'model' }, finishReason: 'STOP', index: 0 }], usageMetadata: usage(40, 20), ...base };
    if (scenario === 'blocked') return { promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: { promptTokenCount: 9, totalTokenCount: 9 }, ...base };
    let parts = [{ text: `Fake answer to: ${prompt.slice(0, 80)}` }];
    if (model.includes('image')) parts = [{ text: 'Here is the frame.' }, { inlineData: { mimeType: 'image/png', data: TINY_PNG }, thoughtSignature: 'CqQCfake' }];
    if (model.includes('tts')) parts = [{ inlineData: { mimeType: 'audio/L16;codec=pcm;rate=24000', data: fakeSpeechPcm(prompt).toString('base64') } }];
    if (scenario === 'function-call') parts = [{ functionCall: { name: 'lookup_shot', args: { shotId: 's3' } }, thoughtSignature: 'EpoDfake' }];
    return { candidates: [{ content: { parts, role: 'model' }, finishReason: 'STOP', index: 0 }], usageMetadata: usage(12, 7), ...base };
  }

  async function stream(req, res, model, prompt, scenario) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Content-Disposition': 'attachment', 'X-Content-Type-Options': 'nosniff' });
    const base = { modelVersion: model, responseId: googleId(16) };
    const first = { candidates: [{ content: { parts: [{ text: 'The keeper lifts' }], role: 'model' }, index: 0 }], usageMetadata: usage(12, 3), ...base };
    const last = { candidates: [{ content: { parts: [{ text: ' his lantern.' }], role: 'model' }, finishReason: 'STOP', index: 0 }], usageMetadata: usage(12, 7), ...base };

    // A scripted turn: each part in its own event (as Gemini streams function calls), then STOP.
    const scripted = state.geminiScript?.length ? state.geminiScript.shift() : null;
    if (scripted) {
      for (const part of scripted) {
        res.write(sseEvent({ candidates: [{ content: { parts: [part], role: 'model' }, index: 0 }], usageMetadata: usage(40, 10), ...base }));
        await sleep(5);
      }
      res.end(sseEvent({ candidates: [{ content: { parts: [{ text: '' }], role: 'model' }, finishReason: 'STOP', index: 0 }], usageMetadata: usage(40, 20), ...base }));
      return;
    }

    if (scenario === 'function-call') {
      res.write(sseEvent({ candidates: [{ content: { parts: [{ functionCall: { name: 'lookup_shot', args: { shotId: 's7' } }, thoughtSignature: 'Eo8Bfake' }], role: 'model' }, index: 0 }], usageMetadata: usage(30, 14), ...base }));
      await sleep(10);
      res.end(sseEvent({ candidates: [{ content: { parts: [{ text: '' }], role: 'model' }, finishReason: 'STOP', index: 0 }], usageMetadata: usage(30, 14), ...base }));
      return;
    }
    if (scenario === 'blocked') {
      res.end(sseEvent(answer(model, prompt, 'blocked')));
      return;
    }
    res.write(sseEvent(first));
    if (scenario === 'cut') {
      // Half of the next event, then the connection drops (no chunked terminator).
      res.write('data: {"candidates": [{"content": {"parts": [{"text": " his lan');
      await sleep(20);
      res.socket?.destroy();
      return;
    }
    if (scenario === 'stall') {
      state.hanging.add(res);
      return;
    }
    if (scenario.startsWith('hold:')) {
      const id = scenario.slice('hold:'.length);
      state.streams[id] = { firstSent: Date.now(), lastSent: null };
      await new Promise((resolve) => state.holds.set(id, resolve));
      res.end(sseEvent(last));
      state.streams[id].lastSent = Date.now();
      return;
    }
    await sleep(state.options.streamDelayMs);
    res.write(sseEvent({ ...first, candidates: [{ content: { parts: [{ text: ' slowly' }], role: 'model' }, index: 0 }] }));
    await sleep(state.options.streamDelayMs);
    res.end(sseEvent(last));
  }

  async function modelCall(req, res, url, version, model, method) {
    if (!checkKey(req, url, res)) return;
    const body = await readJson(req);
    if (!body) return googleError(res, 400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
    const prompt = promptText(body);
    const scenario = scenarioOf(prompt);
    state.counts.gemini[method] = (state.counts.gemini[method] ?? 0) + 1;
    if (await errorScenario(scenario, req, res, model)) return;
    if (method === 'countTokens') {
      const tokens = prompt.split(/\s+/).filter(Boolean).length;
      return sendGoogleJson(res, 200, { totalTokens: tokens, promptTokensDetails: [{ modality: 'TEXT', tokenCount: tokens }] });
    }
    const delay = /^delay:(\d+)$/.exec(scenario);
    if (delay) await sleep(Number(delay[1])); // a model's think time, for benches
    if (method === 'generateContent') return sendGoogleJson(res, 200, answer(model, prompt, scenario));
    if (url.searchParams.get('alt') !== 'sse') {
      // Without alt=sse Google streams one JSON array (gemini.md §4).
      return sendGoogleJson(res, 200, [answer(model, prompt, scenario)]);
    }
    return stream(req, res, model, prompt, scenario);
  }

  function fileResource(file) {
    return {
      name: `files/${file.id}`,
      displayName: file.displayName,
      mimeType: file.mimeType,
      sizeBytes: String(file.size),
      createTime: file.created,
      updateTime: file.created,
      expirationTime: new Date(Date.parse(file.created) + 48 * 3600 * 1000).toISOString(),
      sha256Hash: Buffer.from('0'.repeat(64)).toString('base64'),
      uri: `${state.url}/v1beta/files/${file.id}`,
      state: 'ACTIVE',
      source: 'UPLOADED',
    };
  }

  async function upload(req, res, url, version) {
    if (!checkKey(req, url, res)) return;
    const uploadId = url.searchParams.get('upload_id');
    const command = String(req.headers['x-goog-upload-command'] ?? '').toLowerCase();
    if (!uploadId) {
      const protocol = String(req.headers['x-goog-upload-protocol'] ?? '').toLowerCase();
      if (protocol === 'resumable' && command === 'start') {
        const body = (await readJson(req)) ?? {};
        const id = googleId(20);
        uploads.set(id, {
          received: [],
          size: 0,
          expected: Number(req.headers['x-goog-upload-header-content-length'] ?? 0),
          mimeType: String(req.headers['x-goog-upload-header-content-type'] ?? 'application/octet-stream'),
          displayName: body.file?.displayName ?? body.file?.display_name,
        });
        state.counts.gemini.uploadStarts = (state.counts.gemini.uploadStarts ?? 0) + 1;
        res.writeHead(200, { 'x-goog-upload-url': `${state.url}/upload/${version}/files?upload_id=${id}&upload_protocol=resumable`, 'x-goog-upload-status': 'active', 'x-goog-upload-chunk-granularity': '8388608', 'Content-Length': 0 });
        return res.end();
      }
      return googleError(res, 400, 'INVALID_ARGUMENT', 'Upload protocol not supported by this fake (use resumable)');
    }
    const session = uploads.get(uploadId);
    if (!session) return googleError(res, 404, 'NOT_FOUND', 'Upload session not found');
    const chunk = await readBody(req);
    const offset = Number(req.headers['x-goog-upload-offset'] ?? -1);
    if (offset !== session.size) return googleError(res, 400, 'INVALID_ARGUMENT', `X-Goog-Upload-Offset ${offset} does not match ${session.size} bytes received`);
    session.received.push(chunk);
    session.size += chunk.length;
    if (!command.includes('finalize')) {
      res.writeHead(200, { 'x-goog-upload-status': 'active', 'x-goog-upload-size-received': String(session.size), 'Content-Length': 0 });
      return res.end();
    }
    uploads.delete(uploadId);
    const file = { id: googleId(12), size: session.size, mimeType: session.mimeType, displayName: session.displayName, created: new Date().toISOString() };
    files.set(file.id, file);
    state.counts.gemini.uploadsFinished = (state.counts.gemini.uploadsFinished ?? 0) + 1;
    sendGoogleJson(res, 200, { file: { ...fileResource(file), state: 'PROCESSING' } }, { 'x-goog-upload-status': 'final' });
  }

  /** Handles the request when it is a Gemini path; returns false otherwise. */
  return async function handle(req, res, url) {
    let m = /^\/(v1beta|v1)\/models\/([^/:]+):(generateContent|streamGenerateContent|countTokens)$/.exec(url.pathname);
    if (m && req.method === 'POST') return await modelCall(req, res, url, m[1], m[2], m[3]), true;
    m = /^\/upload\/(v1beta|v1)\/files$/.exec(url.pathname);
    if (m && req.method === 'POST') return await upload(req, res, url, m[1]), true;
    m = /^\/(v1beta|v1)\/files\/([a-z0-9-]+)$/.exec(url.pathname);
    if (m) {
      if (!checkKey(req, url, res)) return true;
      const file = files.get(m[2]);
      if (!file) return googleError(res, 404, 'NOT_FOUND', `File ${m[2]} not found.`), true;
      if (req.method === 'DELETE') return files.delete(m[2]), sendGoogleJson(res, 200, {}), true;
      return sendGoogleJson(res, 200, fileResource(file)), true;
    }
    if (/^\/(v1beta|v1)\/files$/.test(url.pathname) && req.method === 'GET') {
      if (!checkKey(req, url, res)) return true;
      return sendGoogleJson(res, 200, { files: [...files.values()].map(fileResource) }), true;
    }
    return false;
  };
}
