export class TimeoutError extends Error {
  readonly code = 'timeout';
}

/**
 * The promise's outcome, or a TimeoutError after `ms`: for work in another context (a worker, a
 * sandboxed frame) that could stop answering, so nothing waits forever. The work itself is not
 * cancelled; callers decide what to do about it.
 *
 * @example await withTimeout(sandbox.load(code, assets), 30_000, 'The preview did not answer')
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, message = `No answer in ${ms} ms`): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new TimeoutError(message)), ms)));
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}
