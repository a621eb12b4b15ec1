import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Env } from '../src/env';
import { EdgeError } from '../src/http/edge-error';
import { startWithin } from '../src/video/start-within';
import type { VideoJob } from '../src/video/video-provider';
import { edge, fakeCounts, json } from './support/edge-client';

let seq = 0;
const newKey = () => `late-key-${Date.now()}-${seq++}`;
const start = (body: unknown, key: string) => edge('/api/video/veo/jobs', json(body, { 'Idempotency-Key': key }));

/** Asks `check` until it gives a value, for at most `deadlineMs`; the failure names what never happened. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>, deadlineMs = 10_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a paid start the provider answers after the time limit', () => {
  it('keeps its Idempotency-Key bound: retries get 202 pending, then the one job, never a second start', async () => {
    const key = newKey();
    // The fake accepts at once and answers after 2.5 s; the edge's upstream limit is 1.5 s.
    const body = { prompt: `[fake:late:2500] late lantern ${key}` };
    const first = await start(body, key);
    expect(first.status).toBe(202);
    expect(first.headers.get('Retry-After')).toBe('5');
    expect((await first.json<any>()).pending.message).toMatch(/has not answered the start yet; retry with the same Idempotency-Key/);
    expect((await fakeCounts()).veoStartsByPrompt[body.prompt]).toBe(1);

    const retry = await start(body, key);
    expect(retry.status).toBe(202);
    expect((await retry.json<any>()).pending.message).toMatch(/still in progress/);

    const replay = await waitFor('the late start to be recorded', async () => {
      const res = await start(body, key);
      return res.status === 202 ? undefined : res;
    });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await replay.json<any>()).job).toMatchObject({ provider: 'veo', status: 'running' });
    expect((await fakeCounts()).veoStartsByPrompt[body.prompt]).toBe(1);
  });
});

describe('startWithin', () => {
  const limiter = () => (env as unknown as Env).TOKEN_LIMITER.get((env as unknown as Env).TOKEN_LIMITER.idFromName(`start-within-${newKey()}`));
  const job: VideoJob = { provider: 'veo', id: 'op-1', status: 'running' };

  it('holds the key when the start timed out (it may be generating): a retry is pending, not a new start', async () => {
    const keys = limiter();
    expect(await keys.reserve('k', 'f')).toEqual({ state: 'reserved' });
    const outcome = startWithin(() => Promise.reject(new EdgeError('timeout', 'veo did not answer within 1.5 s')), keys, 'k', 'f', 5_000);
    await expect(outcome).rejects.toThrow(/did not answer/);
    expect(await keys.reserve('k', 'f')).toEqual({ state: 'pending', uncertain: true });
  });

  it('frees the key when the provider refused the start, so the client may try again', async () => {
    const keys = limiter();
    await keys.reserve('k', 'f');
    await expect(startWithin(() => Promise.reject(new EdgeError('invalid_argument', 'bad prompt')), keys, 'k', 'f', 5_000)).rejects.toThrow(/bad prompt/);
    expect(await keys.reserve('k', 'f')).toEqual({ state: 'reserved' });
  });

  it('records a start that answers in time', async () => {
    const keys = limiter();
    await keys.reserve('k', 'f');
    expect(await startWithin(() => Promise.resolve(job), keys, 'k', 'f', 5_000)).toEqual({ state: 'started', job });
    expect(await keys.reserve('k', 'f')).toEqual({ state: 'done', result: JSON.stringify(job) });
  });
});

describe('a paid start whose client goes away (a reload while the start is in flight)', () => {
  it('is still recorded under its key: the retry after the reload gets that job, never a second start', async () => {
    const key = newKey();
    // The fake answers after 0.8 s (within the edge's limit); the client gives up after 0.3 s.
    const body = { prompt: `[fake:late:800] reload mid-start ${key}` };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    await edge('/api/video/veo/jobs', { ...json(body, { 'Idempotency-Key': key }), signal: controller.signal }).then((r) => r.body?.cancel(), () => undefined);
    const job = await waitFor('the start to be recorded', async () => {
      const res = await start(body, key);
      return res.status === 202 ? undefined : res;
    });
    expect(job.status).toBe(200);
    expect((await fakeCounts()).veoStartsByPrompt[body.prompt]).toBe(1);
  });
});
