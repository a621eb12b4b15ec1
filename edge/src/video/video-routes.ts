import { Hono, type Context } from 'hono';
import { sha256Hex } from '../auth/token-hash';
import { getConfig } from '../config/edge-config';
import type { Env } from '../env';
import { BODY_LIMITS, limitBody } from '../http/body-limit';
import { EdgeError } from '../http/edge-error';
import { readJsonWithText, validate } from '../http/validate-json';
import { limiterFor, meter } from '../limits/meter';
import { idempotencyKey, resultQuery, videoStartRequest } from './video-schemas';
import { enabledVideoProviders } from './video-providers';
import type { VideoJob, VideoProvider } from './video-provider';

type Ctx = Context<{ Bindings: Env }>;

/**
 * Provider-neutral video jobs: start (idempotent), poll, fetch result, cancel.
 *   POST   /:provider/jobs              Idempotency-Key header required → 201 {job} (200 on replay)
 *   GET    /:provider/jobs/:id          → {job}
 *   GET    /:provider/jobs/:id/result   ?index=0 → video bytes
 *   DELETE /:provider/jobs/:id          → {job}
 */
export const videoRoutes = new Hono<{ Bindings: Env }>()
  .post('/:provider/jobs', limitBody(BODY_LIMITS.videoStart), meter(0), async (c) => {
    const provider = providerFor(c);
    const key = validate(idempotencyKey, c.req.header('Idempotency-Key'), 'header Idempotency-Key');
    const { value: request, text } = await readJsonWithText(c, videoStartRequest);
    const model = request.model ?? provider.models[0]!;
    if (!provider.models.includes(model)) {
      throw new EdgeError('invalid_argument', `body.model: "${model}" is not enabled for ${provider.id} (enabled: ${provider.models.join(', ')})`, { field: 'model' });
    }

    const limiter = limiterFor(c);
    const scope = `${provider.id}:${key}`;
    const fingerprint = await sha256Hex(`${provider.id}\n${text}`);
    const reservation = await limiter.reserve(scope, fingerprint);
    if (reservation.state === 'done') {
      c.header('Idempotent-Replayed', 'true');
      return c.json({ job: JSON.parse(reservation.result) as VideoJob }, 200);
    }
    if (reservation.state === 'pending') {
      throw new EdgeError('conflict', 'a start with this Idempotency-Key is still in progress; retry shortly', { retryAfter: 2 });
    }
    if (reservation.state === 'mismatch') {
      throw new EdgeError('conflict', 'this Idempotency-Key was already used for a different request', { field: 'Idempotency-Key' });
    }

    try {
      const { limits } = getConfig(c.env);
      const charge = await limiter.charge({ perMinute: limits.requestsPerMinute, dailyUnits: limits.dailyQuotaUnits, cost: limits.videoStartCost, quotaOnly: true });
      if (!charge.ok) throw new EdgeError(charge.code, `daily quota of ${limits.dailyQuotaUnits} units is not enough for a video start (${limits.videoStartCost} units)`, { retryAfter: charge.retryAfter });
      const job = await provider.start({ ...request, model });
      await limiter.complete(scope, fingerprint, JSON.stringify(job));
      return c.json({ job }, 201);
    } catch (err) {
      // Nothing was started (or we cannot know): let the client retry with the same key.
      await limiter.release(scope);
      throw err;
    }
  })
  .get('/:provider/jobs/:id', meter(0), async (c) => {
    const job = await providerFor(c).poll(c.req.param('id'));
    c.header('Cache-Control', 'no-store');
    return c.json({ job });
  })
  .get('/:provider/jobs/:id/result', meter(0), async (c) => {
    const { index } = validate(resultQuery, c.req.query(), 'query');
    return providerFor(c).fetchResult(c.req.param('id'), index);
  })
  .delete('/:provider/jobs/:id', meter(0), async (c) => {
    return c.json({ job: await providerFor(c).cancel(c.req.param('id')) });
  });

function providerFor(c: Ctx): VideoProvider {
  const name = c.req.param('provider') ?? '';
  const provider = enabledVideoProviders(getConfig(c.env)).get(name as VideoProvider['id']);
  if (!provider) throw new EdgeError('not_found', `video provider "${name.slice(0, 40)}" is not enabled on this edge (see GET /api/providers)`);
  return provider;
}
