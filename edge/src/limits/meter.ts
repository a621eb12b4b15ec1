import type { Context, MiddlewareHandler } from 'hono';
import { getConfig } from '../config/edge-config';
import type { Env } from '../env';
import { EdgeError, errorResponse } from '../http/edge-error';

/** The limiter stub of the calling client (requires requireAccess before it). */
export function limiterFor(c: Context<{ Bindings: Env }>) {
  const ns = c.env.TOKEN_LIMITER;
  return ns.get(ns.idFromName(c.get('client').id));
}

/**
 * Rate-limits the request and charges `cost` quota units to the caller's token.
 * 429 with Retry-After when either limit is hit.
 */
export function meter(cost: number | ((c: Context<{ Bindings: Env }>) => number)): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    const { limits } = getConfig(c.env);
    const units = typeof cost === 'number' ? cost : cost(c);
    const result = await limiterFor(c).charge({ perMinute: limits.requestsPerMinute, dailyUnits: limits.dailyQuotaUnits, cost: units });
    if (!result.ok) {
      const message =
        result.code === 'rate_limited'
          ? `rate limit of ${limits.requestsPerMinute} requests per minute reached for this access token`
          : `daily quota of ${limits.dailyQuotaUnits} units used up for this access token`;
      return errorResponse(c, new EdgeError(result.code, message, { retryAfter: result.retryAfter }));
    }
    await next();
  };
}
