import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { getConfig } from '../config/edge-config';
import type { Env } from '../env';
import { EdgeError, errorResponse } from './edge-error';

/** Headers a browser client may send (the Gemini SDK's own plus ours). */
const ALLOW_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'X-Director-Gemini-Key',
  'X-Delete-Token',
  'x-goog-api-key',
  'x-goog-api-client',
  'X-Server-Timeout',
  'X-Goog-Upload-Protocol',
  'X-Goog-Upload-Command',
  'X-Goog-Upload-Offset',
  'X-Goog-Upload-Header-Content-Length',
  'X-Goog-Upload-Header-Content-Type',
  'X-Goog-Upload-File-Name',
];

/** Response headers a browser client must be able to read. */
const EXPOSE_HEADERS = [
  'Retry-After',
  'X-Request-Id',
  'x-goog-upload-url',
  'x-goog-upload-status',
  'x-goog-upload-size-received',
  'x-goog-upload-chunk-granularity',
  'Content-Length',
  'X-Director-Local-Provider',
];

/**
 * CORS for configured app origins only. A request from any other browser origin is refused
 * before it can cost money (requests without Origin, e.g. curl or servers, are not CORS).
 */
export function corsPolicy(): MiddlewareHandler<{ Bindings: Env }> {
  const handler = cors({
    origin: (origin, c) => (getConfig(c.env as Env).allowedOrigins.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
    allowHeaders: ALLOW_HEADERS,
    exposeHeaders: EXPOSE_HEADERS,
    maxAge: 600,
  });
  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (origin && !getConfig(c.env).allowedOrigins.has(origin)) {
      return errorResponse(c, new EdgeError('origin_not_allowed', `origin ${origin} is not in ALLOWED_ORIGINS`));
    }
    return handler(c, next);
  };
}
