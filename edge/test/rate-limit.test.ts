import { describe, expect, it } from 'vitest';
import { edge, fakeCounts, json, textPrompt } from './support/edge-client';
import { TEST_TOKENS } from './support/test-constants';

const GENERATE = '/api/gemini/v1beta/models/gemini-2.5-flash:generateContent';

describe('per-token rate limit (Durable Object)', () => {
  it('429 with Retry-After once the per-minute limit is used up, before the upstream is called', async () => {
    const limited = { token: TEST_TOKENS.limited, envOverrides: { RATE_LIMIT_PER_MINUTE: '3' } };
    for (let i = 0; i < 3; i++) {
      const ok = await edge(GENERATE, { ...json(textPrompt(`call ${i}`)), ...limited });
      expect(ok.status, `call ${i}`).toBe(200);
    }
    const before = await fakeCounts();
    const res = await edge(GENERATE, { ...json(textPrompt('one too many')), ...limited });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('Retry-After'));
    // 3 per minute refills one request every 20 s.
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(20);
    expect(await res.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringContaining('3 requests per minute'), retryAfter } });
    expect((await fakeCounts()).gemini.generateContent).toBe(before.gemini.generateContent);
  });

  it('limits each token separately', async () => {
    const res = await edge(GENERATE, { ...json(textPrompt('main token is fine')), envOverrides: { RATE_LIMIT_PER_MINUTE: '3' } });
    expect(res.status).toBe(200);
  });

  it('429 quota_exceeded with Retry-After until UTC midnight once the daily quota is used', async () => {
    const quota = { token: TEST_TOKENS.quota, envOverrides: { DAILY_QUOTA_UNITS: '2' } };
    expect((await edge(GENERATE, { ...json(textPrompt('1')), ...quota })).status).toBe(200);
    expect((await edge(GENERATE, { ...json(textPrompt('2')), ...quota })).status).toBe(200);
    const res = await edge(GENERATE, { ...json(textPrompt('3')), ...quota });
    expect(res.status).toBe(429);
    const { error } = await res.json<any>();
    expect(error.code).toBe('quota_exceeded');
    const now = new Date();
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    expect(Math.abs(error.retryAfter - (midnight - now.getTime()) / 1000)).toBeLessThan(5);
    expect(res.headers.get('Retry-After')).toBe(String(error.retryAfter));
  });

  it('a user-supplied key costs no quota (but is still rate-limited)', async () => {
    const quota = { token: TEST_TOKENS.quota, envOverrides: { DAILY_QUOTA_UNITS: '2' } };
    const res = await edge(GENERATE, { ...json(textPrompt('own key'), { 'X-Director-Gemini-Key': 'fake-gemini-user-key-Hn3Ks8Pw1Zc6' }), ...quota });
    expect(res.status).toBe(200);
  });
});
