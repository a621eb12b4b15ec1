import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { getConfig } from '../config/edge-config';
import type { Env } from '../env';
import { EdgeError } from '../http/edge-error';
import { queryParams } from '../http/validated-input';
import { meter } from '../limits/meter';
import { fetchUpstream } from '../upstream/fetch-upstream';
import { FILE_HOSTS, STOCK_PROVIDERS, normaliseAnswer, searchRequest, type StockProviderId } from './stock-providers';

type Ctx = Context<{ Bindings: Env }>;

const SEARCH_WORDS = 'write 1 to 200 characters to search for';
const searchQuery = z.object({
  q: z.string({ error: SEARCH_WORDS }).trim().min(1, SEARCH_WORDS).max(200, SEARCH_WORDS),
  orientation: z.enum(['landscape', 'portrait'], { error: '"landscape" or "portrait"' }).optional(),
  perPage: z.coerce.number({ error: 'a whole number from 1 to 30' }).int('a whole number from 1 to 30').min(1, 'a whole number from 1 to 30').max(30, 'a whole number from 1 to 30').default(12),
});
const fileQuery = z.object({ url: z.string({ error: 'a video address from a search result' }) });

/** Largest stock file the edge passes through (a 720p clip is a few MB). */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

/**
 * Stock footage through the edge, keys held here:
 *   GET /:provider/search?q=…&orientation=landscape|portrait&perPage=1..30  → {results: StockClip[]}
 *   GET /:provider/file?url=…   → the video bytes (only from the provider's own file hosts)
 */
export const stockRoutes = new Hono<{ Bindings: Env }>()
  .get('/:provider/search', meter(1), queryParams(searchQuery), async (c) => {
    const { id, apiKey, baseUrl } = providerFor(c);
    const { q, orientation, perPage } = c.req.valid('query');
    const request = searchRequest(id, baseUrl, apiKey, { q, perPage, ...(orientation ? { orientation } : {}) });
    const { response } = await fetchUpstream(request.url, { headers: request.headers }, { provider: id, timeoutMs: getConfig(c.env).limits.upstreamTimeoutMs });
    if (!response.ok) throw upstreamFailure(id, response.status, await response.text().catch(() => ''));
    const body = await response.json().catch(() => null);
    if (!body || typeof body !== 'object') throw new EdgeError('upstream_error', `${id} answered with something that is not JSON`);
    c.header('Cache-Control', 'private, max-age=300');
    return c.json({ results: normaliseAnswer(id, body).slice(0, perPage) });
  })
  .get('/:provider/file', meter(1), queryParams(fileQuery), async (c) => {
    const { id, baseUrl } = providerFor(c);
    const raw = c.req.valid('query').url;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new EdgeError('invalid_argument', 'query url: a video address from a search result', { field: 'url' });
    }
    // The configured base (a test or self-hosted mirror) counts as the provider's own host too.
    const own = url.origin === new URL(baseUrl).origin || (url.protocol === 'https:' && FILE_HOSTS[id].test(url.hostname));
    if (!own) throw new EdgeError('invalid_argument', `query url: ${id} files come from its own hosts, not ${url.hostname}`, { field: 'url' });
    const { response } = await fetchUpstream(url.href, {}, { provider: id, timeoutMs: getConfig(c.env).limits.upstreamTimeoutMs });
    if (!response.ok || !response.body) throw upstreamFailure(id, response.status, '');
    const length = Number(response.headers.get('Content-Length') ?? 0);
    if (length > MAX_FILE_BYTES) throw new EdgeError('payload_too_large', `this ${id} file is ${Math.round(length / 1e6)} MB; the edge passes at most ${MAX_FILE_BYTES / 1e6} MB`);
    return new Response(response.body, { headers: { 'Content-Type': response.headers.get('Content-Type') ?? 'video/mp4', ...(length ? { 'Content-Length': String(length) } : {}), 'Cache-Control': 'private, max-age=3600' } });
  });

function providerFor(c: Ctx): { id: StockProviderId; apiKey: string; baseUrl: string } {
  const id = c.req.param('provider') as StockProviderId;
  if (!STOCK_PROVIDERS.includes(id)) throw new EdgeError('not_found', `no stock provider "${String(id).slice(0, 40)}" (there are ${STOCK_PROVIDERS.join(', ')})`);
  const { apiKey, baseUrl } = getConfig(c.env).stock[id];
  if (!apiKey) throw new EdgeError('not_configured', `stock search needs a key: this edge has no ${id.toUpperCase()}_API_KEY`);
  return { id, apiKey, baseUrl };
}

function upstreamFailure(id: string, status: number, text: string): EdgeError {
  if (status === 401 || status === 403) return new EdgeError('upstream_auth', `${id} refused this edge's key (${status})`);
  if (status === 429) return new EdgeError('rate_limited', `${id} is rate-limiting this edge; try again in a minute`, { retryAfter: 60 });
  // The upstream's words only when short and plain: never echo anything that might hold the key.
  const said = /^[\w .,:'-]{1,120}$/.test(text.trim()) ? `: ${text.trim()}` : '';
  return new EdgeError('upstream_error', `${id} answered ${status}${said}`);
}
