import { Hono, type Context } from 'hono';
import { sha256Hex } from '../auth/token-hash';
import { getConfig } from '../config/edge-config';
import type { Env } from '../env';
import { BODY_LIMITS, limitBody } from '../http/body-limit';
import { EdgeError } from '../http/edge-error';
import { jsonBody } from '../http/validated-input';
import { validate } from '../http/validate-json';
import { limiterFor, meter } from '../limits/meter';
import { idempotencyKey, remixRequest, resultQuery, videoStartRequest } from './video-schemas';
import { enabledVideoProviders } from './video-providers';
import type { VideoJob, VideoProvider } from './video-provider';
import type { VideoJobAnswer, VideoStartAnswer } from '../../../src/core/contracts/video-job';
import { modelProblems } from '../../../src/core/contracts/video-start';
import { startWithin } from './start-within';

type Ctx = Context<{ Bindings: Env }>;

/**
 * Provider-neutral video jobs: start (idempotent), poll, fetch result, cancel.
 *   POST   /:provider/jobs              Idempotency-Key header required → 201 {job} (200 on replay;
 *                                       202 {pending} while the provider has not answered: retry with the same key)
 *   GET    /:provider/jobs/:id          → {job}
 *   GET    /:provider/jobs/:id/result   ?index=0 → video bytes
 *   DELETE /:provider/jobs/:id          → {job}
 *   POST   /:provider/jobs/:id/remix    {prompt}, Idempotency-Key header required → 201 {job} (200 on replay): a new
 *                                       paid job changing a finished one (OpenAI)
 */
export const videoRoutes = new Hono<{ Bindings: Env }>()
  .post('/:provider/jobs', limitBody(BODY_LIMITS.videoStart), meter(0), jsonBody(videoStartRequest), async (c) => {
    const provider = providerFor(c);
    const key = validate(idempotencyKey, c.req.header('Idempotency-Key'), 'header Idempotency-Key');
    const request = c.req.valid('json');
    // The fingerprint is of the exact bytes checked, so a replay must send the same body.
    const text = await c.req.text();
    const model = request.model ?? provider.models[0]!;
    if (!provider.models.includes(model)) {
      throw new EdgeError('invalid_argument', `body.model: "${model}" is not enabled for ${provider.id} (enabled: ${provider.models.join(', ')})`, { field: 'model' });
    }
    // The default model is held to its row of the model table as a named one is by the schema.
    const problem = request.model ? undefined : modelProblems(model, request)[0];
    if (problem) throw new EdgeError('invalid_argument', `body.${problem.field}: ${problem.message} (the default model)`, { field: problem.field });

    return idempotentStart(c, provider, key, `${provider.id}\n${text}`, () => provider.start({ ...request, model }));
  })
  .get('/:provider/jobs/:id', meter(0), async (c) => {
    const job = await providerFor(c).poll(c.req.param('id'));
    c.header('Cache-Control', 'no-store');
    return c.json({ job } satisfies VideoJobAnswer);
  })
  .get('/:provider/jobs/:id/result', meter(0), async (c) => {
    const { index } = validate(resultQuery, c.req.query(), 'query');
    return providerFor(c).fetchResult(c.req.param('id'), index);
  })
  .delete('/:provider/jobs/:id', meter(0), async (c) => {
    return c.json({ job: await providerFor(c).cancel(c.req.param('id')) } satisfies VideoJobAnswer);
  })
  .post('/:provider/jobs/:id/remix', limitBody(BODY_LIMITS.videoStart), meter(0), jsonBody(remixRequest), async (c) => {
    const provider = providerFor(c);
    const { remix } = provider;
    if (!remix) throw new EdgeError('not_supported', `${provider.id} cannot remix a video`);
    // A remix is a new paid job: started once per key, like any start.
    const key = validate(idempotencyKey, c.req.header('Idempotency-Key'), 'header Idempotency-Key');
    const { prompt } = c.req.valid('json');
    const id = c.req.param('id');
    return idempotentStart(c, provider, key, `${provider.id}\nremix ${id}\n${await c.req.text()}`, () => remix(id, prompt));
  });

/**
 * Starts one paid job under an Idempotency-Key: a replay with the same key and body gets the same
 * job, one still in progress a 202, the same key with another body a conflict. Quota is charged
 * only for a start that really happens.
 */
async function idempotentStart(c: Ctx, provider: VideoProvider, key: string, request: string, start: () => Promise<VideoJob>) {
  const limiter = limiterFor(c);
  const scope = `${provider.id}:${key}`;
  const fingerprint = await sha256Hex(request);
  const reservation = await limiter.reserve(scope, fingerprint);
  if (reservation.state === 'done') {
    c.header('Idempotent-Replayed', 'true');
    return c.json({ job: JSON.parse(reservation.result) as VideoJob } satisfies VideoStartAnswer, 200);
  }
  if (reservation.state === 'pending') {
    return pendingStart(
      c,
      reservation.uncertain,
      reservation.uncertain
        ? `${provider.id} did not confirm the start with this Idempotency-Key in time; it may be generating, so it is not started again under this key`
        : 'a start with this Idempotency-Key is still in progress; retry with the same key shortly',
    );
  }
  if (reservation.state === 'mismatch') {
    throw new EdgeError('conflict', 'this Idempotency-Key was already used for a different request', { field: 'Idempotency-Key' });
  }

  const { limits } = getConfig(c.env);
  const charge = await limiter.charge({ perMinute: limits.requestsPerMinute, dailyUnits: limits.dailyQuotaUnits, cost: limits.videoStartCost, quotaOnly: true });
  if (!charge.ok) {
    // Nothing was started: the client may retry with the same key.
    await limiter.release(scope);
    throw new EdgeError(charge.code, `daily quota of ${limits.dailyQuotaUnits} units is not enough for a video start (${limits.videoStartCost} units)`, { retryAfter: charge.retryAfter });
  }
  const outcome = await startWithin(start, limiter, scope, fingerprint, limits.upstreamTimeoutMs, (work) => c.executionCtx.waitUntil(work));
  if (outcome.state === 'late') {
    return pendingStart(c, false, `${provider.id} has not answered the start yet; retry with the same Idempotency-Key to get its job`);
  }
  return c.json({ job: outcome.job } satisfies VideoStartAnswer, 201);
}

/** Seconds a client waits before asking again about a start that has no answer yet. */
const PENDING_RETRY_AFTER_S = 5;

/**
 * 202: the key is bound to a start whose job is not known yet; the same key later returns it.
 * `uncertain`: the provider never answered in time, so the job may never be known under this key.
 */
function pendingStart(c: Ctx, uncertain: boolean, message: string) {
  c.header('Retry-After', String(PENDING_RETRY_AFTER_S));
  c.header('Cache-Control', 'no-store');
  return c.json({ pending: { message, uncertain, retryAfter: PENDING_RETRY_AFTER_S } } satisfies VideoStartAnswer, 202);
}

function providerFor(c: Ctx): VideoProvider {
  const name = c.req.param('provider') ?? '';
  const provider = enabledVideoProviders(getConfig(c.env)).get(name as VideoProvider['id']);
  if (!provider) throw new EdgeError('not_found', `video provider "${name.slice(0, 40)}" is not enabled on this edge (see GET /api/providers)`);
  return provider;
}
