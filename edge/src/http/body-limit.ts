import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { EdgeError, errorResponse } from './edge-error';

/** Refuses bodies over `maxBytes` with 413, by Content-Length or by counting streamed bytes. */
export function limitBody(maxBytes: number | ((c: Parameters<MiddlewareHandler>[0]) => number)): MiddlewareHandler {
  return (c, next) => {
    const max = typeof maxBytes === 'number' ? maxBytes : maxBytes(c);
    return bodyLimit({
      maxSize: max,
      onError: (ctx) => errorResponse(ctx, new EdgeError('payload_too_large', `request body is larger than ${formatBytes(max)}`)),
    })(c, next);
  };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KiB`;
  return `${n} bytes`;
}

/** Size limits per route family, in bytes. */
export const BODY_LIMITS = {
  /** generateContent with inline images: Google caps inline data near 20 MB. */
  geminiJson: 21 * 1024 * 1024,
  /** One resumable-upload chunk: the SDK sends 8 MiB. */
  geminiUploadChunk: 16 * 1024 * 1024,
  /** A video start with up to 3 reference images inline. */
  videoStart: 24 * 1024 * 1024,
  /** Project source plus inline assets for a server render. */
  renderStart: 100 * 1024 * 1024,
} as const;
