import { describe, expect, it } from 'vitest';
import { checkEdgeConnection, describeProviders, summarizeProviders, type FetchLike } from '../../../src/core/edge/check-edge-connection';

const EDGE = 'http://127.0.0.1:8787';
const TOKEN = 'director-dev-token';
const providersBody = {
  gemini: { enabled: true, local: false },
  video: [
    { id: 'veo', enabled: true, local: false },
    { id: 'runway', enabled: true, local: true },
  ],
  renders: { enabled: true },
};

/** An edge as the browser sees it: health for anyone, providers for the right token only. */
const edgeFetch =
  (options: { health?: Response; providers?: unknown } = {}): FetchLike =>
  async (url, init) => {
    if (url === `${EDGE}/api/health`) return options.health ?? Response.json({ ok: true, service: 'director-edge' });
    if (url === `${EDGE}/api/providers`) {
      const auth = init?.headers?.Authorization;
      if (!auth) return Response.json({ error: { code: 'unauthorized' } }, { status: 401 });
      if (auth !== `Bearer ${TOKEN}`) return Response.json({ error: { code: 'forbidden', message: 'access token not accepted' } }, { status: 403 });
      return Response.json(options.providers ?? providersBody);
    }
    throw new TypeError('Failed to fetch');
  };

describe('Test connection: which part failed', () => {
  it('a malformed URL, or nothing answering there, is the URL', async () => {
    expect(await checkEdgeConnection({ edgeUrl: 'localhost 8787', accessToken: TOKEN, fetch: edgeFetch() })).toMatchObject({ ok: false, part: 'url' });
    const down = await checkEdgeConnection({ edgeUrl: 'http://127.0.0.1:9', accessToken: TOKEN, fetch: edgeFetch() });
    expect(down).toMatchObject({ ok: false, part: 'url' });
    expect(down.message).toContain('The edge at http://127.0.0.1:9 cannot be reached');
    expect(await checkEdgeConnection({ edgeUrl: 'http://127.0.0.1:9', accessToken: TOKEN, fetch: edgeFetch(), online: false })).toMatchObject({ part: 'offline' });
  });

  it('something that is not a Director edge says so', async () => {
    const page = await checkEdgeConnection({ edgeUrl: EDGE, accessToken: TOKEN, fetch: edgeFetch({ health: new Response('<!doctype html>', { status: 200 }) }) });
    expect(page).toMatchObject({ ok: false, part: 'not-edge' });
    expect(page.message).toContain('HTTP 200');
  });

  it('no token, and a refused token, are told apart', async () => {
    const missing = await checkEdgeConnection({ edgeUrl: EDGE, accessToken: '  ', fetch: edgeFetch() });
    expect(missing).toMatchObject({ ok: false, part: 'token-missing' });
    expect(missing.message).toContain('no access token is set');
    const refused = await checkEdgeConnection({ edgeUrl: EDGE, accessToken: 'wrong-token', fetch: edgeFetch() });
    expect(refused).toMatchObject({ ok: false, part: 'token-refused' });
    expect(refused.message).toContain('refused this access token');
  });

  it('OK names the real and the local demo providers', async () => {
    const ok = await checkEdgeConnection({ edgeUrl: `${EDGE}/`, accessToken: TOKEN, fetch: edgeFetch() });
    expect(ok).toMatchObject({ ok: true, part: 'ok', providers: { real: ['Gemini', 'Veo'], local: ['Runway'], off: [], renders: true } });
    expect(ok.message).toBe(`Connected to the edge at ${EDGE}, access token accepted. Real: Gemini, Veo. Local demo: Runway. Server renders: on.`);
  });

  it('another edge error carries its status and message', async () => {
    const failing: FetchLike = async (url) => (url.endsWith('/health') ? Response.json({ service: 'director-edge' }) : Response.json({ error: { code: 'internal', message: '[edge config] RATE_LIMIT_PER_MINUTE must be a positive integer' } }, { status: 500 }));
    const result = await checkEdgeConnection({ edgeUrl: EDGE, accessToken: TOKEN, fetch: failing });
    expect(result).toMatchObject({ ok: false, part: 'edge-error' });
    expect(result.message).toContain('HTTP 500: [edge config] RATE_LIMIT_PER_MINUTE');
  });

  it('summarizes an edge with everything local and renders off', () => {
    const summary = summarizeProviders({ gemini: { enabled: true, local: true }, video: [{ id: 'veo', enabled: true, local: true }, { id: 'runway', enabled: false, local: false }], renders: { enabled: false } });
    expect(describeProviders(summary)).toBe('Local demo: Gemini, Veo. Off: Runway. Server renders: off.');
  });
});
