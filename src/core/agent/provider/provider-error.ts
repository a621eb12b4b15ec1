/** Stable codes the loop and the chat panel switch on. */
export type ProviderErrorCode =
  | 'quota_exceeded'
  | 'safety_blocked'
  | 'invalid_argument'
  | 'unauthorized'
  | 'not_found'
  | 'upstream_unavailable'
  | 'stream_cut'
  | 'network_error'
  | 'malformed_response'
  | 'cancelled';

export interface ProviderErrorDetails {
  status?: number;
  /** Seconds to wait before retrying, when the server said (RetryInfo, retryAfter, Retry-After). */
  retryAfterSec?: number;
  /** True for per-day quotas: waiting minutes will not help. */
  daily?: boolean;
  reasons?: string[];
}

/** Every provider failure, typed. `retryable` says whether trying again later can succeed. */
export class ProviderError extends Error {
  readonly code: ProviderErrorCode;
  readonly status?: number;
  readonly retryAfterSec?: number;
  readonly daily?: boolean;
  readonly reasons: string[];

  constructor(code: ProviderErrorCode, message: string, details: ProviderErrorDetails = {}) {
    super(message);
    this.name = 'ProviderError';
    this.code = code;
    this.status = details.status;
    this.retryAfterSec = details.retryAfterSec;
    this.daily = details.daily;
    this.reasons = details.reasons ?? [];
  }

  get retryable(): boolean {
    return (this.code === 'quota_exceeded' && !this.daily) || this.code === 'upstream_unavailable' || this.code === 'stream_cut' || this.code === 'network_error';
  }
}

export function isProviderError(e: unknown): e is ProviderError {
  return e instanceof ProviderError;
}
