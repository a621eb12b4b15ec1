/**
 * The edge's error codes (edge/src/http/edge-error.ts); the edge keeps a code it knows when it
 * forwards our answer. Body shape: {"error": {"code", "message", "field"?, "reasons"?, "retryAfter"?}}.
 */
export const ERROR_STATUS = {
  invalid_argument: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  not_configured: 501,
  upstream_error: 502,
  upstream_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  reasons?: string[];
  retryAfter?: number;
}

/** An expected failure that becomes a JSON error response. */
export class ServiceError extends Error {
  override name = 'ServiceError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<ErrorBody, 'code' | 'message'> = {},
  ) {
    super(message);
  }

  get status(): (typeof ERROR_STATUS)[ErrorCode] {
    return ERROR_STATUS[this.code];
  }

  toBody(): { error: ErrorBody } {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}
