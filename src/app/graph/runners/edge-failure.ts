import { RunnerError } from '../../../core/graph/node-runner';
import { EdgeCallError } from '../../edge/edge-client';

/** Edge failures as runner failures: the executor's retry policy reads status and Retry-After. */
export function fromEdge(e: unknown): never {
  if (e instanceof EdgeCallError)
    throw new RunnerError(e.code, e.message, { status: e.status || undefined, ...(e.retryAfterSeconds ? { retryAfterMs: e.retryAfterSeconds * 1000 } : {}), ...(e.status === 0 ? { retryable: true } : {}) });
  throw e;
}
