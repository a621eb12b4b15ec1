import { TurnCancelledError } from './guarded-workspace';

/** Rejects with TurnCancelledError as soon as the signal aborts, even if `work` ignores the signal. */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    // The work was already started (a model call sees the aborted signal and rejects): its
    // rejection is expected, not an unhandled error of the page.
    work.catch(() => undefined);
    return Promise.reject(new TurnCancelledError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new TurnCancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}
