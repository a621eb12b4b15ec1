import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Stable error codes the app switches on. Each has one HTTP status; the message is for people.
 * Body shape: {"error": {"code", "message", "retryAfter"?, "reasons"?, "field"?}}.
 */
export const ERROR_STATUS = {
  invalid_argument: 400,
  unauthorized: 401,
  forbidden: 403,
  origin_not_allowed: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  safety_filtered: 422,
  rate_limited: 429,
  quota_exceeded: 429,
  internal: 500,
  not_configured: 501,
  not_supported: 501,
  upstream_error: 502,
  upstream_auth: 502,
  upstream_unavailable: 503,
  /** A service of our own (the render service) is not running at its configured URL. */
  service_unreachable: 503,
  timeout: 504,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Seconds to wait before retrying; mirrored in the Retry-After header. */
  retryAfter?: number;
  /** Provider reasons, e.g. safety filter explanations. */
  reasons?: string[];
  /** Dotted path of the offending request field (validation errors). */
  field?: string;
}

/** An expected failure that becomes a JSON error response. */
export class EdgeError extends Error {
  readonly code: ErrorCode;
  readonly retryAfter?: number;
  readonly reasons?: string[];
  readonly field?: string;
  /** Overrides the code's default status (e.g. 402 from an upstream billing error). */
  readonly status: ContentfulStatusCode;

  constructor(code: ErrorCode, message: string, extra: Omit<ErrorBody, 'code' | 'message'> & { status?: ContentfulStatusCode } = {}) {
    super(message);
    this.name = 'EdgeError';
    this.code = code;
    this.retryAfter = extra.retryAfter;
    this.reasons = extra.reasons;
    this.field = extra.field;
    this.status = extra.status ?? ERROR_STATUS[code];
  }

  toBody(): { error: ErrorBody } {
    const error: ErrorBody = { code: this.code, message: this.message };
    if (this.retryAfter !== undefined) error.retryAfter = this.retryAfter;
    if (this.reasons?.length) error.reasons = this.reasons;
    if (this.field !== undefined) error.field = this.field;
    return { error };
  }
}

/** Renders an EdgeError as the response, with Retry-After when the wait is known. */
export function errorResponse(c: Context, err: EdgeError): Response {
  if (err.retryAfter !== undefined) c.header('Retry-After', String(err.retryAfter));
  c.header('Cache-Control', 'no-store');
  return c.json(err.toBody(), err.status);
}
