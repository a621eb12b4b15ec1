import { Hono, type Context, type TypedResponse } from 'hono';
import type { RenderAnswer } from '../../../src/core/contracts/render-view';
import { getConfig } from '../config/edge-config';
import type { Env } from '../env';
import { BODY_LIMITS, limitBody } from '../http/body-limit';
import { EdgeError, ERROR_STATUS, type ErrorCode } from '../http/edge-error';
import { jsonBody } from '../http/validated-input';
import { meter } from '../limits/meter';
import { fetchUpstream, looksRefused } from '../upstream/fetch-upstream';
import { redact } from '../upstream/redact';
import { RENDER_ID, renderStartRequest } from './render-schemas';

type Ctx = Context<{ Bindings: Env }>;

/** Units a render start costs: one full-resolution render is heavy. */
const RENDER_START_COST = 20;

/**
 * Server renders, forwarded to the render service at RENDER_BACKEND_URL (edge/render):
 *   POST   /           → backend POST   /renders
 *   GET    /:id        → backend GET    /renders/:id       (progress 0..1, stage, error)
 *   GET    /:id/file   → backend GET    /renders/:id/file  (the video, streamed)
 *   DELETE /:id        → backend DELETE /renders/:id       (cancel)
 */
export const renderRoutes = new Hono<{ Bindings: Env }>()
  .post('/', limitBody(BODY_LIMITS.renderStart), meter(RENDER_START_COST), jsonBody(renderStartRequest), async (c) => {
    // Forwarded as the exact bytes checked: the service validates the same contract again.
    return answersRender(forward(c, 'POST', '/renders', await c.req.text()));
  })
  .get('/:id', meter(0), (c) => answersRender(forward(c, 'GET', `/renders/${renderId(c)}`)))
  .get('/:id/file', meter(0), (c) => forward(c, 'GET', `/renders/${renderId(c)}/file`))
  .delete('/:id', meter(0), (c) => answersRender(forward(c, 'DELETE', `/renders/${renderId(c)}`)));

/**
 * The service's JSON, passed through unchanged, is the shared contract's `{render}` (the service
 * builds it with `satisfies RenderAnswer`); typed so the app's client reads it as such.
 */
const answersRender = (response: Promise<Response>) => response as Promise<Response & TypedResponse<RenderAnswer, 200 | 202, 'json'>>;

function renderId(c: Ctx): string {
  const id = c.req.param('id') ?? '';
  if (!RENDER_ID.test(id)) throw new EdgeError('not_found', 'unknown render id');
  return id;
}

const AUTH_CODES = new Set(['unauthorized', 'forbidden', 'origin_not_allowed']);

const PASSED_HEADERS = ['content-type', 'content-length', 'content-disposition', 'retry-after'];

async function forward(c: Ctx, method: string, path: string, body?: string): Promise<Response> {
  const config = getConfig(c.env);
  const { backendUrl, backendToken } = config.render;
  if (!backendUrl) throw new EdgeError('not_configured', 'server renders are not enabled on this edge (RENDER_BACKEND_URL is empty)');
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Director-Client': c.get('client').label };
  if (backendToken) headers.Authorization = `Bearer ${backendToken}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const { response } = await fetchUpstream(`${backendUrl}${path}`, { method, headers, body }, {
    provider: 'render service',
    timeoutMs: config.limits.upstreamTimeoutMs,
    unreachable: (detail) => renderServiceDown(backendUrl, detail),
  });
  if (!response.ok) throw await backendError(response, backendToken);
  const out = new Headers({ 'Cache-Control': 'no-store' });
  for (const name of PASSED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) out.set(name, value);
  }
  return new Response(response.body, { status: response.status, headers: out });
}

/**
 * Says which service is down and where, so a person (or the operator) knows what to start: the URL
 * is the operator's own configuration, never a provider's, and carries no secret.
 */
function renderServiceDown(backendUrl: string, detail: string): EdgeError {
  const why = looksRefused(detail) ? 'connection refused' : detail;
  return new EdgeError(
    'service_unreachable',
    `The render service at ${backendUrl} is not running (${why}). Start it (\`npm start\` runs it locally, or \`npm --prefix edge/render start\`) or fix RENDER_BACKEND_URL on the edge.`,
  );
}

/** The render service speaks our error shape; keep its code when it is one we know. */
async function backendError(response: Response, token: string | undefined): Promise<EdgeError> {
  const text = await response.text().catch(() => '');
  let parsed: { error?: { code?: string; message?: string; retryAfter?: number } } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  const message = `render service: ${redact(parsed.error?.message ?? `HTTP ${response.status}`, [token]).slice(0, 500)}`;
  // Checked first: a 401 passed through would tell the app its own access token is bad.
  if (response.status === 401 || response.status === 403) return new EdgeError('upstream_auth', 'the render service refused the edge (check RENDER_BACKEND_TOKEN)');
  const code = parsed.error?.code;
  if (code && code in ERROR_STATUS && !AUTH_CODES.has(code)) return new EdgeError(code as ErrorCode, message, { retryAfter: parsed.error?.retryAfter });
  if (response.status === 404) return new EdgeError('not_found', message);
  if (response.status === 400) return new EdgeError('invalid_argument', message);
  return new EdgeError(response.status === 503 ? 'upstream_unavailable' : 'upstream_error', message);
}
