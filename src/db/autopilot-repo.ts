import { restoreAutopilotRun, type AutopilotRun } from '../core/autopilot';
import type { DirectorDb } from './database';

/** A project's Auto-pilot run: one row per project, read back through restoreAutopilotRun. */
export async function loadAutopilotRun(db: DirectorDb, projectId: string): Promise<AutopilotRun | null> {
  const row = await db.autopilotRuns.where('projectId').equals(projectId).first();
  return row ? restoreAutopilotRun(row) : null;
}

/** Saves the run as the project's one run (a new run replaces the old one in the same transaction). */
export async function saveAutopilotRun(db: DirectorDb, run: AutopilotRun): Promise<void> {
  await db.transaction('rw', db.autopilotRuns, async () => {
    const existing = await db.autopilotRuns.where('projectId').equals(run.projectId).first();
    if (existing && existing.id !== run.id) await db.autopilotRuns.delete(existing.id);
    await db.autopilotRuns.put(structuredClone(run) as unknown as AutopilotRun & { [k: string]: unknown });
  });
}

/** Forgets the project's run (its steps and results), so the form starts over; the project's scenes and assets stay. */
export async function deleteAutopilotRun(db: DirectorDb, projectId: string): Promise<void> {
  await db.autopilotRuns.where('projectId').equals(projectId).delete();
}
