import type { RunnerFailure } from './node-runner';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  factor: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out: the job fails and says so. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1000,
  factor: 2,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 10 * 60_000,
};

/** Transient by nature, whatever the status says. */
const RETRYABLE_CODES = new Set(['rate_limited', 'provider_unavailable', 'network_error', 'timeout']);

export function isRetryable(failure: RunnerFailure): boolean {
  if (failure.retryable !== undefined) return failure.retryable;
  const status = failure.status;
  return RETRYABLE_CODES.has(failure.code) || status === 429 || (status !== undefined && status >= 500 && status <= 599);
}

/**
 * How long to wait before the next attempt, or null to give up. The provider's Retry-After
 * wins over the exponential schedule.
 *
 * @example retryDelayMs(runnerFailure('rate_limited', '429', { retryAfterMs: 7000 }), 1, DEFAULT_RETRY_POLICY) // 7000
 */
export function retryDelayMs(failure: RunnerFailure, attempt: number, policy: RetryPolicy): number | null {
  if (!isRetryable(failure) || attempt >= policy.maxAttempts) return null;
  const after = failure.retryAfterMs;
  if (after !== undefined && Number.isFinite(after) && after >= 0) return after <= policy.maxRetryAfterMs ? after : null;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.factor ** (attempt - 1));
}
