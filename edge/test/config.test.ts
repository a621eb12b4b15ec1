import { describe, expect, it } from 'vitest';
import { edge } from './support/edge-client';

describe('configuration mistakes', () => {
  it('a malformed var is a 500 that names the var', async () => {
    const res = await edge('/api/providers', { envOverrides: { RATE_LIMIT_PER_MINUTE: 'lots' } });
    expect(res.status).toBe(500);
    const { error } = await res.json<any>();
    expect(error.code).toBe('internal');
    expect(error.message).toContain('RATE_LIMIT_PER_MINUTE');
  });

  it('a raw token pasted into ACCESS_TOKEN_HASHES is refused without being echoed', async () => {
    const pasted = 'my-raw-secret-token-value';
    const res = await edge('/api/providers', { envOverrides: { ACCESS_TOKEN_HASHES: pasted } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toContain('ACCESS_TOKEN_HASHES');
    expect(text).not.toContain(pasted);
  });

  it('no Gemini key and no user key → 501 not_configured', async () => {
    const res = await edge('/api/gemini/v1beta/models/gemini-2.5-flash:generateContent', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ contents: [{ parts: [{ text: 'x' }] }] }),
      envOverrides: { GEMINI_API_KEY: '' },
    });
    expect(res.status).toBe(501);
    expect((await res.json<any>()).error.code).toBe('not_configured');
  });
});
