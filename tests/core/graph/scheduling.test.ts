import { describe, expect, it } from 'vitest';
import { AbortedError } from '../../../src/core/graph/clock';
import { runnerFailure } from '../../../src/core/graph/node-runner';
import { makeProviderSlots } from '../../../src/core/graph/provider-slots';
import { DEFAULT_RETRY_POLICY, isRetryable, retryDelayMs } from '../../../src/core/graph/retry-policy';

describe('retry policy', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 5, baseDelayMs: 500, factor: 2, maxDelayMs: 3000 };

  it('backs off exponentially up to a ceiling', () => {
    const failure = runnerFailure('provider_unavailable', '503', { status: 503 });
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(failure, attempt, policy))).toEqual([500, 1000, 2000, 3000]);
    expect(retryDelayMs(failure, 5, policy)).toBeNull();
  });

  it('honours Retry-After, and gives up when it is unreasonably long', () => {
    expect(retryDelayMs(runnerFailure('rate_limited', '429', { status: 429, retryAfterMs: 12_000 }), 1, policy)).toBe(12_000);
    expect(retryDelayMs(runnerFailure('rate_limited', '429', { retryAfterMs: 0 }), 1, policy)).toBe(0);
    expect(retryDelayMs(runnerFailure('rate_limited', '429', { retryAfterMs: 2 * 3600_000 }), 1, policy)).toBeNull();
  });

  it('retries only transient failures', () => {
    expect(isRetryable(runnerFailure('whatever', 'x', { status: 429 }))).toBe(true);
    expect(isRetryable(runnerFailure('whatever', 'x', { status: 502 }))).toBe(true);
    expect(isRetryable(runnerFailure('network_error', 'x'))).toBe(true);
    expect(isRetryable(runnerFailure('content_blocked', 'x', { status: 400 }))).toBe(false);
    expect(isRetryable(runnerFailure('whatever', 'x', { status: 500, retryable: false }))).toBe(false);
  });
});

describe('provider slots', () => {
  it('never lets more than the limit in, serves by priority then arrival, and drops aborted waiters', async () => {
    const slots = makeProviderSlots({ veo: 2 });
    const order: string[] = [];
    const take = (id: string, priority = 0, signal?: AbortSignal) =>
      slots.acquire('veo', { id, priority }, signal).then((release) => {
        order.push(id);
        return release;
      });
    const r1 = await take('a');
    const r2 = await take('b');
    expect(slots.inFlight('veo')).toBe(2);
    const controller = new AbortController();
    const c = take('c');
    const d = take('d', 0, controller.signal);
    const e = take('e');
    expect(slots.bump('e', 5)).toBe(true);
    controller.abort();
    await expect(d).rejects.toBeInstanceOf(AbortedError);
    r1();
    r1(); // releasing twice frees one slot only
    await e;
    expect(slots.inFlight('veo')).toBe(2);
    r2();
    await c;
    expect(order).toEqual(['a', 'b', 'e', 'c']);
    expect(slots.bump('zzz', 1)).toBe(false);
  });
});

describe('pausing the queue', () => {
  it('holds waiting jobs while paused (a running one goes on), then serves them in order', async () => {
    const slots = makeProviderSlots({ veo: 1 });
    const started: string[] = [];
    const take = (id: string) => slots.acquire('veo', { id, priority: 0 }).then((release) => (started.push(id), release));
    const first = await take('a');
    slots.setPaused(true);
    const b = take('b');
    first();
    await Promise.resolve();
    expect(slots.paused).toBe(true);
    expect(started).toEqual(['a']);
    expect(slots.inFlight('veo')).toBe(0);
    const c = take('c');
    slots.setPaused(false);
    (await b)();
    (await c)();
    expect(started).toEqual(['a', 'b', 'c']);
  });
});
