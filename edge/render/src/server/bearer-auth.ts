import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ServiceError } from './service-error.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Requires `Authorization: Bearer <token>`: 401 without one, 403 with a wrong one. Compared as
 * sha-256 digests in constant time, so neither length nor content leaks through timing.
 */
export function bearerAuth(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ServiceError('unauthorized', 'render service token missing (Authorization: Bearer …)');
    if (!timingSafeEqual(digest(match[1]!), expected)) throw new ServiceError('forbidden', 'render service token is wrong');
    await next();
  };
}
