import fs from 'node:fs/promises';
import type { RenderJob } from './render-job.js';

/** How long a record outlives its file, so a late poll learns "expired" (410) instead of 404. */
const TOMBSTONE_MS = 24 * 3600 * 1000;

/**
 * Renders by id. Finished outputs are deleted when they expire; a swept record stays as a
 * tombstone for a day so the file route can answer 410.
 */
export class JobStore {
  private readonly jobs = new Map<string, RenderJob>();
  private readonly expired = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(sweepEveryMs = 60_000) {
    this.timer = setInterval(() => void this.sweep(), sweepEveryMs);
    this.timer.unref();
  }

  add(job: RenderJob): void {
    this.jobs.set(job.id, job);
  }

  get(id: string): RenderJob | undefined {
    return this.jobs.get(id);
  }

  wasExpired(id: string): boolean {
    return this.expired.has(id);
  }

  all(): RenderJob[] {
    return [...this.jobs.values()];
  }

  /** Deletes outputs and records whose time is up. */
  async sweep(now = Date.now()): Promise<void> {
    for (const job of this.jobs.values()) {
      if (!job.terminal || !job.expiresAt || job.expiresAt.getTime() > now) continue;
      this.jobs.delete(job.id);
      this.expired.set(job.id, now);
      if (job.output) await fs.rm(job.output.path, { force: true });
    }
    for (const [id, at] of this.expired) if (now - at > TOMBSTONE_MS) this.expired.delete(id);
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
