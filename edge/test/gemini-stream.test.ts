import { describe, expect, it } from 'vitest';
import { edge, fakeCounts, json, releaseFakeStream, textPrompt } from './support/edge-client';

const STREAM = '/api/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse';

/** Reads until `predicate(text so far)` holds, failing after `ms` (no hanging test). */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, predicate: (text: string) => boolean, ms: number, sofar = '') {
  const decoder = new TextDecoder();
  let text = sofar;
  const deadline = Date.now() + ms;
  while (!predicate(text)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`timed out waiting for stream data; got ${JSON.stringify(text)}`);
    const next = await Promise.race([reader.read(), new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), left))]);
    if (next === 'timeout') throw new Error(`timed out waiting for stream data; got ${JSON.stringify(text)}`);
    if (next.done) break;
    text += decoder.decode(next.value, { stream: true });
  }
  return text;
}

async function readAll(res: Response) {
  return new TextDecoder().decode(await res.arrayBuffer());
}

function events(text: string) {
  return text
    .split('\r\n\r\n')
    .filter(Boolean)
    .map((e) => {
      expect(e.startsWith('data: ')).toBe(true);
      return JSON.parse(e.slice('data: '.length));
    });
}

describe('Gemini streamGenerateContent (SSE)', () => {
  it('passes events through with Google\'s exact framing', async () => {
    const res = await edge(STREAM, json(textPrompt('tell me')));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/event-stream');
    const text = await readAll(res);
    expect(text.endsWith('\r\n\r\n')).toBe(true);
    expect(text).not.toContain('[DONE]');
    const all = events(text);
    expect(all.map((e) => e.candidates[0].content.parts[0].text).join('')).toBe('The keeper lifts slowly his lantern.');
    expect(all.at(-1).candidates[0].finishReason).toBe('STOP');
  });

  it('delivers the first chunk before the upstream has sent the last one (no buffering)', async () => {
    const holdId = `hold${Date.now()}`;
    const res = await edge(STREAM, json(textPrompt(`[fake:hold:${holdId}] go`)));
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = await readUntil(reader, (t) => t.includes('\r\n\r\n'), 3000);
    expect(first).toContain('The keeper lifts');
    expect(first).not.toContain('his lantern');
    // The fake is still holding its last event: the edge forwarded the first on its own.
    const held = (await fakeCounts()).streams[holdId];
    expect(held.firstSent).toBeGreaterThan(0);
    expect(held.lastSent).toBeNull();

    await releaseFakeStream(holdId);
    const rest = await readUntil(reader, (t) => t.includes('his lantern.'), 3000, first);
    expect(events(rest)).toHaveLength(2);
    expect((await fakeCounts()).streams[holdId].lastSent).toBeGreaterThan(0);
  });

  it('passes a function call through whole, then the final STOP event', async () => {
    const res = await edge(STREAM, json(textPrompt('[fake:function-call] look up s7')));
    const all = events(await readAll(res));
    expect(all[0].candidates[0].content.parts[0].functionCall).toEqual({ name: 'lookup_shot', args: { shotId: 's7' } });
    expect(all[1].candidates[0].finishReason).toBe('STOP');
  });

  it('errors before streaming come back as typed JSON, not SSE', async () => {
    const res = await edge(STREAM, json(textPrompt('[fake:429] busy')));
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('17');
    expect((await res.json<any>()).error.code).toBe('quota_exceeded');
  });

  it('a stream cut mid-way ends with an error event, not a silent truncation', async () => {
    const res = await edge(STREAM, json(textPrompt('[fake:cut] go')));
    expect(res.status).toBe(200);
    const text = await readAll(res);
    expect(text.startsWith('data: ')).toBe(true);
    const parts = text.split('\r\n\r\n').filter(Boolean);
    expect(JSON.parse(parts[0]!.slice(6)).candidates[0].content.parts[0].text).toBe('The keeper lifts');
    // The half-sent event is closed off, then one Gemini-shaped error event follows.
    const last = JSON.parse(parts.at(-1)!.slice(6));
    expect(last.error).toMatchObject({ code: 502, status: 'UNAVAILABLE' });
    expect(last.error.details[0].reason).toBe('UPSTREAM_STREAM_CUT');
  });

  it('a stream that goes silent is closed after STREAM_IDLE_TIMEOUT_MS with an error event', async () => {
    const started = Date.now();
    const res = await edge(STREAM, json(textPrompt('[fake:stall] go')));
    const text = await readAll(res);
    const last = JSON.parse(text.split('\r\n\r\n').filter(Boolean).at(-1)!.slice(6));
    expect(last.error).toMatchObject({ code: 504, status: 'DEADLINE_EXCEEDED' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});
