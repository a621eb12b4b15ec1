import { afterEach, describe, expect, it, vi } from 'vitest';
import { edge, fakeUrl, json, textPrompt } from './support/edge-client';
import { REAL_LOOKING_KEYS } from './support/test-constants';

/** The edge as `npm start` runs it with GEMINI_API_KEY and RUNWAY_API_KEY given (Veo on the Gemini key). */
const keyed = { GEMINI_API_KEY: REAL_LOOKING_KEYS.gemini, VEO_API_KEY: '', RUNWAY_API_KEY: REAL_LOOKING_KEYS.runway };
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | undefined>;
}
const requests = async (): Promise<LoggedRequest[]> => (await fetch(`${fakeUrl()}/__fake/requests`)).json();

afterEach(() => vi.restoreAllMocks());

describe('provider keys travel only as each API expects', () => {
  it('Gemini and Veo get x-goog-api-key, Runway gets Bearer + X-Runway-Version; never a query string, never a log line', async () => {
    const logged: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    const before = (await requests()).length;
    const call = (path: string, init: RequestInit = {}) => edge(path, { ...init, envOverrides: keyed });

    expect((await call('/api/gemini/v1beta/models/gemini-2.5-flash:generateContent', json(textPrompt('hello')))).status).toBe(200);
    const stream = await call('/api/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse', json(textPrompt('hello')));
    await stream.text();
    // An upstream error, too: its message is repeated to the app and logged nowhere with the key.
    expect((await call('/api/gemini/v1beta/models/gemini-2.5-flash:generateContent', json(textPrompt('[fake:echo-key]')))).status).toBe(400);

    const veo = await (await call('/api/video/veo/jobs', json({ prompt: 'A lighthouse' }, { 'Idempotency-Key': `keys-veo-${Date.now()}` }))).json<any>();
    while ((await (await call(`/api/video/veo/jobs/${veo.job.id}`)).json<any>()).job.status !== 'succeeded');
    expect((await call(`/api/video/veo/jobs/${veo.job.id}/result`)).status).toBe(200);

    const runway = await (await call('/api/video/runway/jobs', json({ model: 'gen4_turbo', prompt: 'A lighthouse', firstFrame: { mimeType: 'image/png', data: PNG } }, { 'Idempotency-Key': `keys-runway-${Date.now()}` }))).json<any>();
    while ((await (await call(`/api/video/runway/jobs/${runway.job.id}`)).json<any>()).job.status !== 'succeeded');
    expect((await call(`/api/video/runway/jobs/${runway.job.id}/result`)).status).toBe(200);

    const seen = (await requests()).slice(before);
    const google = seen.filter((r) => r.path.startsWith('/v1beta/') || r.path.startsWith('/v1/models'));
    const runwayApi = seen.filter((r) => r.path.startsWith('/v1/image_to_video') || r.path.startsWith('/v1/tasks'));
    const media = seen.filter((r) => r.path.startsWith('/__fake/media/'));
    expect(google.length).toBeGreaterThanOrEqual(6); // 3 Gemini calls, Veo start, polls, download
    expect(runwayApi.length).toBeGreaterThanOrEqual(3);
    expect(media.map((r) => r.path.split('/')[3])).toEqual(['veo', 'runway']);

    for (const r of google) {
      expect(r.headers['x-goog-api-key']).toBe(REAL_LOOKING_KEYS.gemini);
      expect(r.headers.authorization).toBeUndefined();
    }
    for (const r of runwayApi) {
      expect(r.headers.authorization).toBe(`Bearer ${REAL_LOOKING_KEYS.runway}`);
      expect(r.headers['x-runway-version']).toBe('2024-11-06');
      expect(r.headers['x-goog-api-key']).toBeUndefined();
    }
    // Veo's download redirect leaves Google's origin and Runway's output URL is pre-signed: no key goes there.
    for (const r of media) expect(JSON.stringify(r.headers)).not.toMatch(/AIza|key_/);
    for (const r of seen) {
      expect(r.query).not.toContain(REAL_LOOKING_KEYS.gemini);
      expect(r.query).not.toContain(REAL_LOOKING_KEYS.runway);
      expect(r.query).not.toMatch(/[?&]key=/);
    }

    expect(logged.some((line) => line.includes('"msg":"request"'))).toBe(true); // the edge did log its requests
    for (const line of logged) {
      expect(line).not.toContain(REAL_LOOKING_KEYS.gemini);
      expect(line).not.toContain(REAL_LOOKING_KEYS.runway);
    }
  });
});
