import { afterEach, describe, expect, it, vi } from 'vitest';
import { edge } from './support/edge-client';
import { TEST_TOKENS } from './support/test-constants';

let seq = 0;
/** A fresh client address per test, so each starts with full buckets. */
const newAddress = () => `203.0.113.${++seq}`;

const hex = async (text: string) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, '0')).join('');

afterEach(() => vi.restoreAllMocks());

describe('wrong access tokens are slowed per address', () => {
  it('after the allowed failures an address gets 429 before its token is checked, even a right one; other addresses are unaffected', async () => {
    const address = newAddress();
    const from = (token: string, ip = address) => edge('/api/providers', { token, headers: { 'CF-Connecting-IP': ip }, envOverrides: { AUTH_FAILURES_PER_MINUTE: '5' } });
    for (let i = 0; i < 5; i++) expect((await from(`wrong-guess-${i}`)).status, `guess ${i}`).toBe(403);

    const slowed = await from('wrong-guess-6');
    expect(slowed.status).toBe(429);
    const retryAfter = Number(slowed.headers.get('Retry-After'));
    // 5 per minute gives one more attempt every 12 s.
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(12);
    expect((await slowed.json<any>()).error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/^too many wrong access tokens from this address/) });

    // The right token from the throttled address is not told apart from a wrong one.
    expect((await from(TEST_TOKENS.main)).status).toBe(429);
    expect((await from(TEST_TOKENS.main, newAddress())).status).toBe(200);
  });
});

describe('GET /api/providers', () => {
  it('is rate-limited per token, in a bucket of its own', async () => {
    const token = `providers-probe-${Date.now()}`;
    const envOverrides = { ACCESS_TOKEN_HASHES: `probe:${await hex(token)}`, PROVIDERS_PER_MINUTE: '3' };
    for (let i = 0; i < 3; i++) expect((await edge('/api/providers', { token, envOverrides })).status, `call ${i}`).toBe(200);
    const res = await edge('/api/providers', { token, envOverrides });
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBeTruthy();
    expect((await res.json<any>()).error.message).toBe('GET /api/providers is limited to 3 requests per minute for this access token');
  });
});

describe('anonymous share downloads', () => {
  it('are limited per address, found or not (guessing ids costs the same)', async () => {
    const address = newAddress();
    const read = (ip = address) => edge('/api/shares/AAAAAAAAAAAAAAAAAAAAAA', { token: null, headers: { 'CF-Connecting-IP': ip }, envOverrides: { SHARE_READS_PER_MINUTE: '3' } });
    for (let i = 0; i < 3; i++) expect((await read()).status, `read ${i}`).toBe(404);
    const limited = await read();
    expect(limited.status).toBe(429);
    expect((await limited.json<any>()).error.message).toMatch(/too many share downloads from this address \(limit 3 per minute\)/);
    expect((await read(newAddress())).status).toBe(404);
  });
});

describe('request ids', () => {
  it('the edge logs and returns its own id, never the one a client sent', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    const forged = 'forged-id-0000-from-the-client';
    const res = await edge('/api/health', { token: null, headers: { 'X-Request-Id': forged }, envOverrides: {} });
    const id = res.headers.get('X-Request-Id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; requestId?: string }).filter((l) => l.msg === 'request');
    expect(logged.map((l) => l.requestId)).toEqual([id]);
    expect(lines.join('\n')).not.toContain(forged);
  });
});
