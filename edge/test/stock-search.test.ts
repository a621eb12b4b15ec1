import { describe, expect, it } from 'vitest';
import { edge, fakeUrl } from './support/edge-client';
import { FAKE_KEYS } from './support/test-constants';

interface Clip {
  id: string;
  provider: string;
  videoUrl: string;
  width: number;
  height: number;
  durationS: number;
  author: string;
  pageUrl: string;
}

const search = async (provider: string, query: string) => {
  const response = await edge(`/api/stock/${provider}/search?${query}`);
  return { response, body: (await response.json()) as { results?: Clip[]; error?: { code: string; message: string } } };
};

describe('stock footage search through the edge', () => {
  it('Pexels: the key travels in Authorization, the answer is normalised, the 720p file is chosen', async () => {
    const { response, body } = await search('pexels', 'q=honey%20bees&perPage=2&orientation=portrait');
    expect(response.status).toBe(200);
    expect(body.results).toHaveLength(2);
    expect(body.results![0]).toMatchObject({ id: '1000', provider: 'pexels', width: 720, height: 1280, durationS: 8, author: 'Fake Filmer', pageUrl: expect.stringContaining('honey-bees') });
    expect(body.results![0]!.videoUrl).toMatch(/\/stock-files\/pexels\/1000-720\.mp4$/);
    const log = (await (await fetch(`${fakeUrl()}/__fake/requests`)).json()) as { path: string; query: string; headers: Record<string, string> }[];
    const upstream = log.filter((r) => r.path === '/videos/search').at(-1)!;
    expect(upstream.headers.authorization).toBe(FAKE_KEYS.pexels);
    expect(upstream.query).toContain('orientation=portrait');
  });

  it('Pixabay: the key travels as ?key=, at least 3 per page are asked for, the answer is cut to perPage', async () => {
    const { response, body } = await search('pixabay', 'q=tides&perPage=1');
    expect(response.status).toBe(200);
    expect(body.results).toEqual([expect.objectContaining({ id: '2000', provider: 'pixabay', width: 1280, height: 720, durationS: 12, author: 'fakeuser' })]);
    const log = (await (await fetch(`${fakeUrl()}/__fake/requests`)).json()) as { path: string; query: string }[];
    expect(log.filter((r) => r.path === '/api/videos/').at(-1)!.query).toMatch(/key=12345678-fakepixabay.*per_page=3/);
    // The key never comes back to the browser.
    expect(JSON.stringify(body)).not.toContain(FAKE_KEYS.pixabay);
  });

  it('passes a result file through, and nothing from other hosts', async () => {
    const { body } = await search('pexels', 'q=owls&perPage=1');
    const file = await edge(`/api/stock/pexels/file?url=${encodeURIComponent(body.results![0]!.videoUrl)}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('video/mp4');
    expect(new Uint8Array(await file.arrayBuffer()).slice(4, 8)).toEqual(new TextEncoder().encode('ftyp'));
    const elsewhere = await edge(`/api/stock/pexels/file?url=${encodeURIComponent('https://evil.example/x.mp4')}`);
    expect(elsewhere.status).toBe(400);
    expect(((await elsewhere.json()) as { error: { message: string } }).error.message).toBe('query url: pexels files come from its own hosts, not evil.example');
  });

  it('says what is wrong in one sentence: bad queries, unknown providers, no key, upstream limits', async () => {
    expect((await search('pexels', 'q=')).body.error).toMatchObject({ code: 'invalid_argument', message: 'query.q: write 1 to 200 characters to search for' });
    expect((await search('pexels', 'q=a&perPage=99')).body.error?.code).toBe('invalid_argument');
    expect((await search('pexels', 'q=a&orientation=square')).body.error?.code).toBe('invalid_argument');
    expect((await search('shutterstock', 'q=a')).response.status).toBe(404);
    const noKey = await edge('/api/stock/pixabay/search?q=a', { envOverrides: { PIXABAY_API_KEY: '' } });
    expect(noKey.status).toBe(501);
    expect(((await noKey.json()) as { error: { message: string } }).error.message).toBe('stock search needs a key: this edge has no PIXABAY_API_KEY');
    const limited = await search('pixabay', `q=${encodeURIComponent('tides [fake:429]')}`);
    expect(limited.response.status).toBe(429);
    const wrongKey = await edge('/api/stock/pexels/search?q=a', { envOverrides: { PEXELS_API_KEY: 'wrong' } });
    expect(((await wrongKey.json()) as { error: { code: string } }).error.code).toBe('upstream_auth');
    expect((await edge('/api/stock/pexels/search?q=a', { token: null })).status).toBe(401);
  });

  it('GET /api/providers says which stock providers have a key', async () => {
    const body = (await (await edge('/api/providers')).json()) as { stock: unknown };
    expect(body.stock).toEqual({ pexels: { enabled: true }, pixabay: { enabled: true } });
  });
});
