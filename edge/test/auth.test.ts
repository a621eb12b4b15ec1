import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, edge } from './support/edge-client';

describe('access tokens', () => {
  it('401 without a token, with WWW-Authenticate', async () => {
    const res = await edge('/api/providers', { token: null });
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toContain('Bearer');
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.stringContaining('Bearer') } });
  });

  it('403 with a wrong token', async () => {
    const res = await edge('/api/providers', { token: 'not-a-real-token' });
    expect(res.status).toBe(403);
    expect((await res.json<any>()).error.code).toBe('forbidden');
  });

  it('401 for a malformed Authorization header', async () => {
    const res = await edge('/api/providers', { token: null, headers: { Authorization: 'Basic abc' } });
    expect(res.status).toBe(401);
  });

  it('protects every paid route', async () => {
    const paths: Array<[string, string]> = [
      ['POST', '/api/gemini/v1beta/models/gemini-2.5-flash:generateContent'],
      ['POST', '/api/gemini/upload/v1beta/files'],
      ['POST', '/api/video/veo/jobs'],
      ['GET', '/api/video/veo/jobs/abc'],
      ['POST', '/api/renders'],
      ['GET', '/api/renders/abc'],
      ['POST', '/api/shares'],
    ];
    for (const [method, path] of paths) {
      const res = await edge(path, { method, token: null });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it('accepts a configured token', async () => {
    const res = await edge('/api/providers');
    expect(res.status).toBe(200);
  });
});

describe('CORS', () => {
  it('answers a preflight from the app origin', async () => {
    const res = await edge('/api/gemini/v1beta/models/gemini-2.5-flash:generateContent', {
      method: 'OPTIONS',
      token: null,
      headers: { Origin: APP_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN);
    expect(res.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization');
  });

  it('sets the allow-origin header on real responses for the app origin', async () => {
    const res = await edge('/api/providers', { headers: { Origin: APP_ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN);
    expect(res.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After');
  });

  it('also on passed-through upstream responses (streams, bytes)', async () => {
    const res = await edge('/api/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse', {
      method: 'POST',
      headers: { Origin: APP_ORIGIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ contents: [{ parts: [{ text: 'hi' }] }] }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    await res.arrayBuffer();
  });

  it('refuses other origins before doing any work', async () => {
    const res = await edge('/api/providers', { headers: { Origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect((await res.json<any>()).error.code).toBe('origin_not_allowed');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
