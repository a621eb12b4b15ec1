import type { Clock } from './clock';
import type { JobRecord, JobStore } from './job-store';

/**
 * Persists every change of one job, in order, the moment it happens. `update` resolves once
 * the row is stored; `current` is the latest state (also before it is stored).
 */
export interface JobWriter {
  readonly current: JobRecord;
  update(patch: Partial<JobRecord>): Promise<JobRecord>;
}

export function makeJobWriter(store: JobStore, initial: JobRecord, clock: Clock, onWrite: (job: JobRecord) => void): JobWriter {
  let current = initial;
  let chain: Promise<unknown> = Promise.resolve();
  return {
    get current() {
      return current;
    },
    update(patch) {
      const next: JobRecord = { ...current, ...patch, updatedAt: clock.now() };
      // Explicit undefined in a patch clears the field (structured clone would keep the key).
      for (const key of Object.keys(patch) as (keyof JobRecord)[]) if (patch[key] === undefined) delete next[key];
      current = next;
      onWrite(next);
      const write = chain.then(() => store.put(next));
      chain = write;
      return write.then(() => next);
    },
  };
}
