import type { Context } from 'hono';
import type { Env } from '../env';

/** What an address is limited for; each has its own bucket. */
export type AddressPurpose = 'auth-failures' | 'share-reads';

/**
 * The limiter of the calling address for one purpose: the same Durable Object class as the
 * per-token limits, named by address. Cloudflare sets CF-Connecting-IP on every request; without
 * it (local tools) all callers share one bucket.
 */
export function addressLimiter(c: Context<{ Bindings: Env }>, purpose: AddressPurpose) {
  const address = c.req.header('CF-Connecting-IP') ?? 'unknown';
  const ns = c.env.TOKEN_LIMITER;
  return ns.get(ns.idFromName(`address:${purpose}:${address.slice(0, 64)}`));
}
