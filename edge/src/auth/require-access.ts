import type { MiddlewareHandler } from 'hono';
import { getConfig, type AccessTokenEntry } from '../config/edge-config';
import type { Env } from '../env';
import { EdgeError, errorResponse } from '../http/edge-error';
import { addressLimiter } from '../limits/address-limiter';
import { constantTimeEqual, sha256 } from './token-hash';

/** Who is calling: the matched token entry (never the token itself). */
export interface AccessClient {
  label: string;
  /** sha-256 hex of the token: the key of this client's limiter. */
  id: string;
}

declare module 'hono' {
  interface ContextVariableMap {
    client: AccessClient;
  }
}

const MAX_TOKEN_LENGTH = 512;

/**
 * Requires `Authorization: Bearer <token>` whose sha-256 matches an ACCESS_TOKEN_HASHES entry.
 * 401 without credentials, 403 with wrong ones. Guessing is slowed per address: after
 * AUTH_FAILURES_PER_MINUTE wrong or malformed tokens, that address gets 429 with Retry-After
 * before its token is even looked at, so a right guess cannot be told from a wrong one until then.
 */
export function requireAccess(): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    if (!header) {
      c.header('WWW-Authenticate', 'Bearer realm="director-edge"');
      return errorResponse(c, new EdgeError('unauthorized', 'missing access token: send "Authorization: Bearer <token>"'));
    }
    const config = getConfig(c.env);
    const failures = addressLimiter(c, 'auth-failures');
    const perMinute = config.limits.authFailuresPerMinute;
    const waiting = await failures.peek(perMinute);
    if (!waiting.ok) {
      return errorResponse(c, new EdgeError('rate_limited', `too many wrong access tokens from this address; try again in ${waiting.retryAfter} s`, { retryAfter: waiting.retryAfter }));
    }
    const refuse = async (error: EdgeError, challenge: string) => {
      await failures.charge({ perMinute, dailyUnits: 1, cost: 0 });
      c.header('WWW-Authenticate', challenge);
      return errorResponse(c, error);
    };
    const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
    if (!match || match[1]!.length > MAX_TOKEN_LENGTH) {
      return refuse(new EdgeError('unauthorized', 'malformed Authorization header: expected "Bearer <token>"'), 'Bearer realm="director-edge", error="invalid_request"');
    }
    const entry = await findToken(config.accessTokens, match[1]!);
    if (!entry) return refuse(new EdgeError('forbidden', 'access token not accepted'), 'Bearer realm="director-edge", error="invalid_token"');
    c.set('client', { label: entry.label, id: entry.hashHex });
    await next();
  };
}

/** Checks every entry (no early exit) so the time taken does not reveal which entry matched. */
async function findToken(entries: readonly AccessTokenEntry[], token: string): Promise<AccessTokenEntry | undefined> {
  const hash = await sha256(token);
  let found: AccessTokenEntry | undefined;
  for (const entry of entries) {
    if (constantTimeEqual(hash, entry.hash) && !found) found = entry;
  }
  return found;
}
