import { EdgeError } from '../http/edge-error';
import type { VideoJob } from './video-provider';

/** The idempotency calls a paid start needs (the TokenLimiter Durable Object implements them). */
export interface StartKeys {
  complete(key: string, fingerprint: string, result: string): Promise<void>;
  hold(key: string, fingerprint: string): Promise<void>;
  release(key: string): Promise<void>;
}

export type StartOutcome = { state: 'started'; job: VideoJob } | { state: 'late'; settle: Promise<unknown> };

/**
 * Runs a reserved start and keeps its Idempotency-Key bound to it whatever happens. A start that
 * answers within `deadlineMs` is recorded and returned. One that does not is reported `late`: the
 * caller answers "pending" and keeps `settle` alive, which records the operation id if the provider
 * answers within its own (longer) time limit. The key is freed only when the start certainly
 * failed; on a timeout or after the provider accepted, it stays bound (never a second paid start).
 */
export async function startWithin(
  start: () => Promise<VideoJob>,
  keys: StartKeys,
  key: string,
  fingerprint: string,
  deadlineMs: number,
  /** Keeps the attempt running if the client goes away (a reload mid-start): its key gets recorded. */
  keepAlive: (work: Promise<unknown>) => void = () => {},
): Promise<StartOutcome> {
  let accepted = false;
  const attempt = (async () => {
    try {
      const job = await start();
      accepted = true;
      await keys.complete(key, fingerprint, JSON.stringify(job));
      return job;
    } catch (err) {
      if (accepted || mayHaveStarted(err)) await keys.hold(key, fingerprint);
      else await keys.release(key);
      throw err;
    }
  })();
  keepAlive(attempt.catch(() => undefined));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deadlineMs)));
  try {
    const first = await Promise.race([attempt, late]);
    if (first === 'late') return { state: 'late', settle: attempt.catch(() => undefined) };
    return { state: 'started', job: first };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** A request that timed out was sent: the provider may have accepted it and started generating. */
function mayHaveStarted(err: unknown): boolean {
  return err instanceof EdgeError && err.code === 'timeout';
}
