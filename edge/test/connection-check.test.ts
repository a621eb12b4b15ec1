import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, edge } from './support/edge-client';

/** What Settings → Test connection asks, from the app's origin: GET /api/health, then GET /api/providers with the token. */
describe('the connection check (Settings → Test connection)', () => {
  it('health answers anyone and says it is a Director edge', async () => {
    const res = await edge('/api/health', { token: null, headers: { Origin: APP_ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN);
    expect((await res.json<any>()).service).toBe('director-edge');
  });

  it('tells a missing token (401) from a refused one (403), in answers the browser may read', async () => {
    const missing = await edge('/api/providers', { token: null, headers: { Origin: APP_ORIGIN } });
    const refused = await edge('/api/providers', { token: 'director-wrong-token', headers: { Origin: APP_ORIGIN } });
    expect([missing.status, refused.status]).toEqual([401, 403]);
    // Without the CORS header the app would only see a network error and blame the URL.
    expect(missing.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN);
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN);
  });

  it('costs nothing: repeated checks pass under a limit of one request a minute', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await edge('/api/providers', { headers: { Origin: APP_ORIGIN }, envOverrides: { RATE_LIMIT_PER_MINUTE: '1', DAILY_QUOTA_UNITS: '1' } });
      expect(res.status).toBe(200);
    }
  });
});
