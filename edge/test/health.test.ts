import { describe, expect, it } from 'vitest';
import { edge } from './support/edge-client';

describe('GET /api/health', () => {
  it('answers without a token, with strict security headers', async () => {
    const res = await edge('/api/health', { token: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, service: 'director-edge' });
    expect(res.headers.get('Strict-Transport-Security')).toContain('max-age=');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
  });
});
