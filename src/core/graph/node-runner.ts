import type { Ok } from '../util/result';

/** What a runner gets for one attempt at one node. */
export interface RunContext {
  nodeId: string;
  kind: string;
  cacheKey: string;
  /** 1 for the first attempt; a resumed attempt keeps its number. */
  attempt: number;
  /** Validated against the kind's schema, defaults filled. */
  params: Record<string, unknown>;
  /** Input port → upstream output value; a multiple port gets an array in edge order. */
  inputs: Record<string, unknown>;
  /** Aborted on cancel; pass it to fetch and to polling sleeps. */
  signal: AbortSignal;
  /** 0..1 with an optional short message ("polling Veo…"). */
  progress(fraction: number, message?: string): void;
  /**
   * Persists the provider operation id at once. Await it before polling, so a reload finds it
   * and resumes instead of generating twice.
   */
  checkpoint(state: { operationId: string }): Promise<void>;
  /** Set when an earlier attempt (perhaps before a reload) started this operation: poll it. */
  resumeFrom?: { operationId: string };
}

/** An expected failure, with what the retry policy needs to know. */
export interface RunnerFailure {
  ok: false;
  /** Stable snake_case, e.g. 'rate_limited', 'provider_unavailable', 'content_blocked'. */
  code: string;
  message: string;
  /** HTTP-like status when the failure came from a provider (429, 503, ...). */
  status?: number;
  /** The provider's Retry-After, in ms. */
  retryAfterMs?: number;
  /** Overrides the policy's guess from code and status. */
  retryable?: boolean;
  /** The stored operation is dead (failed at the provider): the next attempt starts afresh. */
  restart?: boolean;
}

export type RunnerOutcome = Ok<Record<string, unknown>> | RunnerFailure;

/**
 * Does the work of one node kind (edge call, worker call, ...). Implementations live outside
 * the core; the executor only calls this.
 *
 * @example
 * const promptRunner: NodeRunner = { run: async (ctx) => ok({ text: ctx.params.text }) };
 */
export interface NodeRunner {
  run(ctx: RunContext): Promise<RunnerOutcome>;
}

/** May be thrown by a runner instead of returning a failure; treated the same. */
export class RunnerError extends Error {
  readonly code: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly retryable?: boolean;
  constructor(code: string, message: string, extra: Partial<Pick<RunnerFailure, 'status' | 'retryAfterMs' | 'retryable'>> = {}) {
    super(message);
    this.code = code;
    Object.assign(this, extra);
  }
}

export function runnerFailure(code: string, message: string, extra: Omit<RunnerFailure, 'ok' | 'code' | 'message'> = {}): RunnerFailure {
  return { ok: false, code, message, ...extra };
}

/** Normalises whatever a runner threw into a failure value. */
export function toRunnerFailure(thrown: unknown): RunnerFailure {
  if (thrown instanceof RunnerError)
    return runnerFailure(thrown.code, thrown.message, { status: thrown.status, retryAfterMs: thrown.retryAfterMs, retryable: thrown.retryable });
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return runnerFailure('runner_crashed', `The runner failed unexpectedly: ${message}`, { retryable: false });
}
