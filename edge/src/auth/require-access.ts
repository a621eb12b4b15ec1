import type { MiddlewareHandler } from 'hono';
import { getConfig, type AccessTokenEntry } from '../config/edge-config';
import type { Env } from '../env';
import { EdgeError, errorResponse } from '../http/edge-error';
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
 * 401 without credentials, 403 with wrong ones.
 */
export function requireAccess(): MiddlewareHandler<{ Bindings: Env }> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    if (!header) {
      c.header('WWW-Authenticate', 'Bearer realm="director-edge"');
      return errorResponse(c, new EdgeError('unauthorized', 'missing access token: send "Authorization: Bearer <token>"'));
    }
    const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
    if (!match || match[1]!.length > MAX_TOKEN_LENGTH) {
      c.header('WWW-Authenticate', 'Bearer realm="director-edge", error="invalid_request"');
      return errorResponse(c, new EdgeError('unauthorized', 'malformed Authorization header: expected "Bearer <token>"'));
    }
    const entry = await findToken(getConfig(c.env).accessTokens, match[1]!);
    if (!entry) {
      c.header('WWW-Authenticate', 'Bearer realm="director-edge", error="invalid_token"');
      return errorResponse(c, new EdgeError('forbidden', 'access token not accepted'));
    }
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
