import { Hono } from 'hono';
import { getConfig } from '../config/edge-config';
import type { Env } from '../env';
import type { MiddlewareHandler } from 'hono';
import { EdgeError, errorResponse } from '../http/edge-error';
import { enabledVideoProviders } from '../video/video-providers';

/**
 * GET /api/providers: what this edge can do, so the app shows only working options, and which
 * providers are the local demo ones of `npm start` (`local: true`) rather than the real APIs.
 * Never includes keys; says only whether one is configured.
 */
export const providersRoute = new Hono<{ Bindings: Env }>().get('/', limitProbes(), (c) => {
  const config = getConfig(c.env);
  const video = enabledVideoProviders(config);
  c.header('Cache-Control', 'no-store');
  return c.json({
    gemini: {
      enabled: Boolean(config.gemini.apiKey),
      local: config.localProviders.has('gemini'),
      acceptsUserKey: true,
      models: config.gemini.models,
      defaults: config.gemini.defaults,
    },
    video: (['veo', 'runway', 'openai'] as const).map((id) => ({ id, enabled: video.has(id), local: (config.localProviders as ReadonlySet<string>).has(id), models: video.get(id)?.models ?? [] })),
    stock: { pexels: { enabled: Boolean(config.stock.pexels.apiKey) }, pixabay: { enabled: Boolean(config.stock.pixabay.apiKey) } },
    renders: { enabled: Boolean(config.render.backendUrl) },
    limits: {
      requestsPerMinute: config.limits.requestsPerMinute,
      dailyQuotaUnits: config.limits.dailyQuotaUnits,
      videoStartCost: config.limits.videoStartCost,
      shareMaxBytes: config.shares.maxBytes,
      shareMaxTtlDays: config.shares.maxTtlDays,
    },
  });
});

/**
 * Its own per-token bucket (PROVIDERS_PER_MINUTE): limited against polling, yet a connection
 * check uses nothing of the token's request budget.
 */
function limitProbes(): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    const perMinute = getConfig(c.env).limits.providersPerMinute;
    const ns = c.env.TOKEN_LIMITER;
    const result = await ns.get(ns.idFromName(`providers:${c.get('client').id}`)).charge({ perMinute, dailyUnits: 1, cost: 0 });
    if (!result.ok) return errorResponse(c, new EdgeError('rate_limited', `GET /api/providers is limited to ${perMinute} requests per minute for this access token`, { retryAfter: result.retryAfter }));
    await next();
  };
}
