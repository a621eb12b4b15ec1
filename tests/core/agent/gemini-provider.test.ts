import { describe, expect, it } from 'vitest';
import { makeGeminiProvider, type FetchLike } from '../../../src/core/agent/provider/gemini-provider';
import { makeGeminiImageGenerator } from '../../../src/core/agent/provider/gemini-image-generator';
import { ProviderError } from '../../../src/core/agent/provider/provider-error';
import { withRetries } from '../../../src/core/agent/provider/retrying-provider';
import { makeSseDecoder } from '../../../src/core/agent/provider/sse-decoder';

const enc = new TextEncoder();

/** Two events exactly as wire/gemini.md §4 shows them (Gemini 3 function call + final empty text). */
const CALL_STREAM =
  'data: {"candidates": [{"content": {"parts": [{"functionCall": {"name": "read_file","args": {"path": "src/Root.tsx"}},"thoughtSignature": "Eo8BCowB"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 30,"candidatesTokenCount": 14,"totalTokenCount": 190},"modelVersion": "gemini-3.7-flash","responseId": "ZnVu"}\r\n\r\n' +
  'data: {"candidates": [{"content": {"parts": [{"text": ""}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 30,"candidatesTokenCount": 14,"totalTokenCount": 190},"modelVersion": "gemini-3.7-flash","responseId": "ZnVu"}\r\n\r\n';

/** Text deltas with a multi-byte character, the usual shape of a final answer. */
const TEXT_STREAM =
  'data: {"candidates": [{"content": {"parts": [{"text": "Made a warm ☕ promo"}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 12,"totalTokenCount": 15}}\r\n\r\n' +
  'data: {"candidates": [{"content": {"parts": [{"text": " with four scenes."}],"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 12,"candidatesTokenCount": 7,"totalTokenCount": 19}}\r\n\r\n';

function streamOf(chunks: Uint8Array[], { failAfter }: { failAfter?: number } = {}): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (failAfter !== undefined && i === failAfter) return controller.error(new TypeError('terminated'));
      if (i < chunks.length) controller.enqueue(chunks[i++]!);
      else controller.close();
    },
  });
}

function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [0, ...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length];
  return points.slice(1).map((end, i) => bytes.slice(points[i]!, end));
}

function fetchReturning(make: () => Response, seen: { url?: string; init?: Parameters<FetchLike>[1] } = {}): FetchLike {
  return async (url, init) => {
    seen.url = url;
    seen.init = init;
    return make();
  };
}

const sse = (body: ReadableStream<Uint8Array> | string) => new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
const provider = (fetch: FetchLike) => makeGeminiProvider({ baseUrl: 'https://edge.example/api/gemini/', model: 'gemini-2.5-flash', token: 'tok', fetch });
const request = { contents: [{ role: 'user' as const, parts: [{ text: 'hi' }] }] };

describe('SSE decoder', () => {
  it('decodes the same events whatever the chunk boundaries (every split point, and random multi-splits)', () => {
    const bytes = enc.encode(TEXT_STREAM + CALL_STREAM.replace(/\r\n\r\n/g, '\n\n'));
    const whole = makeSseDecoder();
    const expected = whole.push(bytes);
    expect(whole.end()).toBe('');
    expect(expected).toHaveLength(4);
    for (let cut = 1; cut < bytes.length; cut++) {
      const d = makeSseDecoder();
      const got = [...d.push(bytes.slice(0, cut)), ...d.push(bytes.slice(cut))];
      expect(d.end()).toBe('');
      expect(got).toEqual(expected);
    }
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 200; trial++) {
      const cuts = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => Math.floor(rand() * bytes.length));
      const d = makeSseDecoder();
      const got = splitAt(bytes, cuts).flatMap((c) => d.push(c));
      expect(got).toEqual(expected);
    }
  });

  it('accepts \\r\\r separators, ignores comments and other fields, joins multi-line data', () => {
    const d = makeSseDecoder();
    expect(d.push(enc.encode(': keep-alive\r\revent: x\rdata: {"a":\rdata: 1}\r\r'))).toEqual(['{"a":\n1}']);
    expect(d.push(enc.encode('data: {"b":2}\r\n\r'))).toEqual([]);
    expect(d.push(enc.encode('\n'))).toEqual(['{"b":2}']);
    expect(d.push(enc.encode('data: {"c":'))).toEqual([]);
    expect(d.end()).toBe('{"c":');
  });
});

describe('Gemini provider over the wire format', () => {
  it('posts to the edge route with a bearer token and parses a streamed function call', async () => {
    const seen: { url?: string; init?: Parameters<FetchLike>[1] } = {};
    const p = provider(fetchReturning(() => sse(CALL_STREAM), seen));
    const r = await p.generate({ ...request, systemInstruction: 'be brief', tools: [{ name: 'read_file', description: 'read', parameters: { type: 'OBJECT' } }] });
    expect(seen.url).toBe('https://edge.example/api/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(seen.init!.headers.Authorization).toBe('Bearer tok');
    const body = JSON.parse(seen.init!.body);
    expect(body).toMatchObject({ systemInstruction: { parts: [{ text: 'be brief' }] }, tools: [{ functionDeclarations: [{ name: 'read_file' }] }], toolConfig: { functionCallingConfig: { mode: 'AUTO' } } });
    expect(r.functionCalls).toEqual([{ name: 'read_file', args: { path: 'src/Root.tsx' } }]);
    expect(r.finishReason).toBe('STOP');
    // The signature rides on the call part when the turn is replayed; the empty text is dropped.
    expect(r.content).toEqual({ role: 'model', parts: [{ functionCall: { name: 'read_file', args: { path: 'src/Root.tsx' } }, thoughtSignature: 'Eo8BCowB' }] });
    expect(r.usage).toEqual({ promptTokens: 30, outputTokens: 14, totalTokens: 190 });
  });

  it('joins text deltas across any chunking, byte by byte included, and streams them', async () => {
    const bytes = enc.encode(TEXT_STREAM);
    for (const chunks of [[bytes], splitAt(bytes, Array.from({ length: bytes.length }, (_, i) => i)), splitAt(bytes, [5, 40, 41, 199])]) {
      const deltas: string[] = [];
      const r = await provider(fetchReturning(() => sse(streamOf(chunks)))).generate(request, { onTextDelta: (t) => deltas.push(t) });
      expect(r.text).toBe('Made a warm ☕ promo with four scenes.');
      expect(deltas).toEqual(['Made a warm ☕ promo', ' with four scenes.']);
      expect(r.content.parts).toEqual([{ text: 'Made a warm ☕ promo with four scenes.' }]);
    }
  });

  it('a stream cut mid-event, a broken connection or a missing final event is a typed stream_cut', async () => {
    const bytes = enc.encode(TEXT_STREAM);
    const cutMidEvent = bytes.slice(0, bytes.length - 30);
    await expect(provider(fetchReturning(() => sse(streamOf([cutMidEvent])))).generate(request)).rejects.toMatchObject({ code: 'stream_cut' });
    const firstEventOnly = enc.encode(TEXT_STREAM.split('\r\n\r\n')[0] + '\r\n\r\n');
    await expect(provider(fetchReturning(() => sse(streamOf([firstEventOnly])))).generate(request)).rejects.toMatchObject({ code: 'stream_cut' });
    await expect(provider(fetchReturning(() => sse(streamOf(splitAt(bytes, [50]), { failAfter: 1 })))).generate(request)).rejects.toMatchObject({ code: 'stream_cut', retryable: true });
  });

  it("maps the edge's stream-cut error event to stream_cut", async () => {
    const edgeCut = TEXT_STREAM.split('\r\n\r\n')[0] + '\r\n\r\n' + 'data: {"error":{"code":502,"message":"gemini stream ended before the answer was complete","status":"UNAVAILABLE","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"UPSTREAM_STREAM_CUT","domain":"director-edge"}]}}\r\n\r\n';
    await expect(provider(fetchReturning(() => sse(edgeCut))).generate(request)).rejects.toMatchObject({ code: 'stream_cut', status: 502 });
  });

  it('maps Google 429 with RetryInfo, and the edge 429 with Retry-After, to quota_exceeded with retryAfter', async () => {
    const google429 = JSON.stringify({ error: { code: 429, message: 'You exceeded your current quota.\nPlease retry in 17.204391552s.', status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaId: 'GenerateRequestsPerMinutePerProjectPerModel' }] }, { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '34.4s' }] } }, null, 2);
    const e1 = await provider(fetchReturning(() => new Response(google429, { status: 429 }))).generate(request).catch((e) => e);
    expect(e1).toBeInstanceOf(ProviderError);
    expect(e1).toMatchObject({ code: 'quota_exceeded', retryAfterSec: 35, daily: false, retryable: true });
    const edge429 = JSON.stringify({ error: { code: 'quota_exceeded', message: 'gemini: You exceeded your current quota', retryAfter: 17 } });
    expect(await provider(fetchReturning(() => new Response(edge429, { status: 429, headers: { 'Retry-After': '17' } }))).generate(request).catch((e) => e)).toMatchObject({ code: 'quota_exceeded', retryAfterSec: 17 });
    const daily = JSON.stringify({ error: { code: 429, message: 'quota', status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaId: 'GenerateRequestsPerDayPerProjectPerModel' }] }] } });
    expect(await provider(fetchReturning(() => new Response(daily, { status: 429 }))).generate(request).catch((e) => e)).toMatchObject({ code: 'quota_exceeded', daily: true, retryable: false });
  });

  it('maps safety blocks, invalid arguments, auth and upstream outages', async () => {
    const blocked = 'data: {"promptFeedback": {"blockReason": "PROHIBITED_CONTENT"},"usageMetadata": {"promptTokenCount": 9,"totalTokenCount": 9}}\r\n\r\n';
    expect(await provider(fetchReturning(() => sse(blocked))).generate(request).catch((e) => e)).toMatchObject({ code: 'safety_blocked', reasons: ['PROHIBITED_CONTENT'] });
    const safetyStop = 'data: {"candidates": [{"content": {"parts": [{"text": "Partial"}],"role": "model"},"finishReason": "SAFETY"}]}\r\n\r\n';
    expect(await provider(fetchReturning(() => sse(safetyStop))).generate(request).catch((e) => e)).toMatchObject({ code: 'safety_blocked' });
    const bad = JSON.stringify({ error: { code: 400, message: '* GenerateContentRequest.contents: contents is not specified', status: 'INVALID_ARGUMENT' } });
    expect(await provider(fetchReturning(() => new Response(bad, { status: 400 }))).generate(request).catch((e) => e)).toMatchObject({ code: 'invalid_argument', retryable: false });
    expect(await provider(fetchReturning(() => new Response('{"error":{"code":"unauthorized","message":"missing token"}}', { status: 401 }))).generate(request).catch((e) => e)).toMatchObject({ code: 'unauthorized' });
    expect(await provider(fetchReturning(() => new Response('{"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}}', { status: 503 }))).generate(request).catch((e) => e)).toMatchObject({ code: 'upstream_unavailable', retryable: true });
    expect(await provider(async () => { throw new TypeError('fetch failed'); }).generate(request).catch((e) => e)).toMatchObject({ code: 'network_error' });
  });

  it('returns MALFORMED_FUNCTION_CALL to the caller with Google\'s message', async () => {
    const malformed = 'data: {"candidates": [{"content": {"role": "model"},"finishReason": "MALFORMED_FUNCTION_CALL","finishMessage": "Malformed function call: print(default_api.read_file(path=))"}]}\r\n\r\n';
    expect(await provider(fetchReturning(() => sse(malformed))).generate(request)).toMatchObject({ finishReason: 'MALFORMED_FUNCTION_CALL', functionCalls: [], finishMessage: expect.stringContaining('Malformed') });
  });

  it('cancel while streaming rejects at once with cancelled', async () => {
    const controller = new AbortController();
    const first = enc.encode(TEXT_STREAM.split('\r\n\r\n')[0] + '\r\n\r\n');
    const never = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(first) });
    const p = provider(fetchReturning(() => sse(never))).generate(request, { signal: controller.signal, onTextDelta: () => controller.abort() });
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('withRetries waits as told for retryable errors and gives up on long waits', async () => {
    let calls = 0;
    const waits: number[] = [];
    const flaky = makeGeminiProvider({
      baseUrl: 'https://edge.example/api/gemini',
      model: 'm',
      fetch: async () => (++calls === 1 ? new Response('{"error":{"code":"quota_exceeded","message":"slow down","retryAfter":2}}', { status: 429 }) : sse(TEXT_STREAM)),
    });
    const r = await withRetries(flaky, { sleep: async (ms) => void waits.push(ms) }).generate(request);
    expect(r.text).toContain('four scenes');
    expect(waits).toEqual([2000]);
    const slow = makeGeminiProvider({ baseUrl: 'x', model: 'm', fetch: async () => new Response('{"error":{"code":"quota_exceeded","message":"later","retryAfter":600}}', { status: 429 }) });
    await expect(withRetries(slow, { sleep: async () => {} }).generate(request)).rejects.toMatchObject({ code: 'quota_exceeded', retryAfterSec: 600 });
  });
});

describe('Gemini image generator', () => {
  it('requests IMAGE output with the aspect ratio and decodes the inline image', async () => {
    const seen: { url?: string; init?: Parameters<FetchLike>[1] } = {};
    const body = { candidates: [{ content: { parts: [{ text: 'Here it is.' }, { inlineData: { mimeType: 'image/jpeg', data: btoa('JPEGDATA') } }], role: 'model' }, finishReason: 'STOP' }] };
    const gen = makeGeminiImageGenerator({ baseUrl: 'https://edge.example/api/gemini', model: 'gemini-3.1-flash-image', token: 't', fetch: fetchReturning(() => new Response(JSON.stringify(body)), seen) });
    const r = await gen.generate({ prompt: 'a latte', aspectRatio: '16:9' });
    expect(seen.url).toBe('https://edge.example/api/gemini/v1beta/models/gemini-3.1-flash-image:generateContent');
    expect(JSON.parse(seen.init!.body).generationConfig).toEqual({ responseModalities: ['IMAGE'], imageConfig: { aspectRatio: '16:9' } });
    expect(r).toMatchObject({ ok: true, mimeType: 'image/jpeg', text: 'Here it is.' });
    expect(r.ok && new TextDecoder().decode(r.bytes)).toBe('JPEGDATA');
    const refused = makeGeminiImageGenerator({ baseUrl: 'x', model: 'm', fetch: fetchReturning(() => new Response(JSON.stringify({ candidates: [{ content: { role: 'model' }, finishReason: 'IMAGE_SAFETY' }] }))) });
    expect(await refused.generate({ prompt: 'x', aspectRatio: '1:1' })).toMatchObject({ ok: false, code: 'safety_blocked' });
  });
});
