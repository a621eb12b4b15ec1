import { Hono } from 'hono';
import { getConfig } from '../config/edge-config';
import type { Env } from '../env';
import { meter } from '../limits/meter';
import { enabledVideoProviders } from '../video/video-providers';

/**
 * GET /api/providers: what this edge can do, so the app shows only working options, and which
 * providers are the local demo ones of `npm start` (`local: true`) rather than the real APIs.
 * Never includes keys; says only whether one is configured.
 */
export const providersRoute = new Hono<{ Bindings: Env }>().get('/', meter(0), (c) => {
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
    video: (['veo', 'runway'] as const).map((id) => ({ id, enabled: video.has(id), local: config.localProviders.has(id), models: video.get(id)?.models ?? [] })),
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
