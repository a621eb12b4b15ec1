import type { DirectorDb } from './database';

/**
 * "Pause all" per project, kept across reloads: a person who paused a batch before closing the tab
 * finds it paused, not spending, when they come back. Both of the project's queues (canvas and
 * storyboard) read the same flag.
 */
const keyOf = (projectId: string) => `queue-paused:${projectId}`;

export async function isQueuePaused(db: DirectorDb, projectId: string): Promise<boolean> {
  return (await db.settings.get(keyOf(projectId)))?.value === true;
}

export async function setQueuePaused(db: DirectorDb, projectId: string, paused: boolean): Promise<void> {
  if (paused) await db.settings.put({ key: keyOf(projectId), value: true });
  else await db.settings.delete(keyOf(projectId));
}
