import { describe, expect, it } from 'vitest';
import { edge, fakeCounts, json, textPrompt } from './support/edge-client';
import { FAKE_KEYS } from './support/test-constants';

const GENERATE = '/api/gemini/v1beta/models/gemini-2.5-flash:generateContent';

describe('Gemini generateContent', () => {
  it('proxies a request and adds the server key', async () => {
    const before = await fakeCounts();
    const res = await edge(GENERATE, json(textPrompt('Describe shot 3.')));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('application/json');
    const body = await res.json<any>();
    expect(body.candidates[0].content.parts[0].text).toBe('Fake answer to: Describe shot 3.');
    expect(body.candidates[0].finishReason).toBe('STOP');
    const after = await fakeCounts();
    // The fake answers 403/400 to a missing or wrong key, so a 200 proves the key was added.
    expect(after.geminiKeysSeen[FAKE_KEYS.geminiServer]).toBe((before.geminiKeysSeen[FAKE_KEYS.geminiServer] ?? 0) + 1);
  });

  it('serves v1 paths too (the @google/genai 3.x default)', async () => {
    const res = await edge('/api/gemini/v1/models/gemini-2.5-flash:generateContent', json(textPrompt('hello')));
    expect(res.status).toBe(200);
  });

  it('uses the user-supplied key instead of the server key', async () => {
    const before = await fakeCounts();
    const res = await edge(GENERATE, json(textPrompt('with my key'), { 'X-Director-Gemini-Key': FAKE_KEYS.geminiUser }));
    expect(res.status).toBe(200);
    const after = await fakeCounts();
    expect(after.geminiKeysSeen[FAKE_KEYS.geminiUser]).toBe((before.geminiKeysSeen[FAKE_KEYS.geminiUser] ?? 0) + 1);
    expect(after.geminiKeysSeen[FAKE_KEYS.geminiServer]).toBe(before.geminiKeysSeen[FAKE_KEYS.geminiServer]);
  });

  it('maps a rejected user key to 403 naming the user key, not the server', async () => {
    const res = await edge(GENERATE, json(textPrompt('bad key'), { 'X-Director-Gemini-Key': 'AIzaWrongWrongWrongWrongWrong123' }));
    expect(res.status).toBe(403);
    const { error } = await res.json<any>();
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('key you supplied');
  });

  it('passes a blocked prompt through as Google sends it (HTTP 200 + promptFeedback)', async () => {
    const res = await edge(GENERATE, json(textPrompt('[fake:blocked] something')));
    expect(res.status).toBe(200);
    expect((await res.json<any>()).promptFeedback.blockReason).toBe('PROHIBITED_CONTENT');
  });

  it('routes image and TTS models through the same path', async () => {
    const image = await edge('/api/gemini/v1beta/models/gemini-3.1-flash-image:generateContent', json({ ...textPrompt('a lighthouse'), generationConfig: { responseModalities: ['TEXT', 'IMAGE'] } }));
    expect(image.status).toBe(200);
    const imageParts = (await image.json<any>()).candidates[0].content.parts;
    expect(imageParts.some((p: any) => p.inlineData?.mimeType === 'image/png')).toBe(true);

    const tts = await edge('/api/gemini/v1beta/models/gemini-2.5-flash-preview-tts:generateContent', json({ ...textPrompt('Say warmly: hi'), generationConfig: { responseModalities: ['AUDIO'] } }));
    expect(tts.status).toBe(200);
    expect((await tts.json<any>()).candidates[0].content.parts[0].inlineData.mimeType).toBe('audio/L16;codec=pcm;rate=24000');
  });

  it('countTokens', async () => {
    const res = await edge('/api/gemini/v1beta/models/gemini-2.5-flash:countTokens', json(textPrompt('count these four words')));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ totalTokens: 4 });
  });
});

describe('Gemini request validation', () => {
  it('400 naming the bad field', async () => {
    const res = await edge(GENERATE, json({ contents: [{ role: 'user', parts: 'not an array' }] }));
    expect(res.status).toBe(400);
    const { error } = await res.json<any>();
    expect(error.code).toBe('invalid_argument');
    expect(error.field).toBe('contents[0].parts');
    expect(error.message).toContain('contents[0].parts');
  });

  it('400 for a missing contents array', async () => {
    const res = await edge(GENERATE, json({ generationConfig: { temperature: 0.2 } }));
    expect(res.status).toBe(400);
    expect((await res.json<any>()).error.field).toBe('contents');
  });

  it('400 for an out-of-range generation setting', async () => {
    const res = await edge(GENERATE, json({ ...textPrompt('x'), generationConfig: { temperature: 7 } }));
    expect(res.status).toBe(400);
    expect((await res.json<any>()).error.field).toBe('generationConfig.temperature');
  });

  it('400 for a model that is not enabled', async () => {
    const res = await edge('/api/gemini/v1beta/models/gemini-0-secret:generateContent', json(textPrompt('x')));
    expect(res.status).toBe(400);
    expect((await res.json<any>()).error.field).toBe('model');
  });

  it('400 for invalid JSON, 415 for a non-JSON content type', async () => {
    const bad = await edge(GENERATE, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"contents": [' });
    expect(bad.status).toBe(400);
    expect((await bad.json<any>()).error.message).toContain('not valid JSON');
    const text = await edge(GENERATE, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hi' });
    expect(text.status).toBe(415);
  });

  it('413 for a body over the limit, without calling the upstream', async () => {
    const before = await fakeCounts();
    const huge = 'A'.repeat(22 * 1024 * 1024);
    const res = await edge(GENERATE, json({ contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data: huge } }] }] }));
    expect(res.status).toBe(413);
    expect((await res.json<any>()).error.code).toBe('payload_too_large');
    expect((await fakeCounts()).gemini.generateContent).toBe(before.gemini.generateContent);
  });

  it('501 for a method the proxy does not forward', async () => {
    const res = await edge('/api/gemini/v1beta/models/gemini-2.5-flash:batchGenerateContent', json(textPrompt('x')));
    expect(res.status).toBe(501);
  });
});

describe('Gemini upstream errors', () => {
  it('429 with Retry-After taken from RetryInfo in the body', async () => {
    const res = await edge(GENERATE, json(textPrompt('[fake:429] busy')));
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('17');
    const { error } = await res.json<any>();
    expect(error).toMatchObject({ code: 'quota_exceeded', retryAfter: 17 });
  });

  it('upstream 500 → 502 upstream_error', async () => {
    const res = await edge(GENERATE, json(textPrompt('[fake:500] boom')));
    expect(res.status).toBe(502);
    expect((await res.json<any>()).error.code).toBe('upstream_error');
  });

  it('upstream 503 → 503 upstream_unavailable', async () => {
    const res = await edge(GENERATE, json(textPrompt('[fake:503] overloaded')));
    expect(res.status).toBe(503);
    expect((await res.json<any>()).error.code).toBe('upstream_unavailable');
  });

  it('upstream 400 → 400 invalid_argument with Google\'s message', async () => {
    const res = await edge(GENERATE, json(textPrompt('[fake:400] x')));
    expect(res.status).toBe(400);
    const { error } = await res.json<any>();
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toContain('Invalid JSON payload');
  });

  it('a hanging upstream → 504 timeout after UPSTREAM_TIMEOUT_MS', async () => {
    const started = Date.now();
    const res = await edge(GENERATE, json(textPrompt('[fake:hang] x')));
    expect(res.status).toBe(504);
    expect((await res.json<any>()).error.code).toBe('timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
  });

  it('an unreachable upstream → 503 upstream_unavailable', async () => {
    const res = await edge(GENERATE, { ...json(textPrompt('x')), envOverrides: { GEMINI_BASE_URL: 'http://127.0.0.1:9' } });
    expect(res.status).toBe(503);
    expect((await res.json<any>()).error.code).toBe('upstream_unavailable');
  });
});
