import type { DirectorDb } from './database';

/** Props a person set for a composition in the props editor, kept per project and composition. */
const key = (projectId: string, compositionId: string) => `props:${projectId}:${compositionId}`;

export async function loadCompositionProps(db: DirectorDb, projectId: string, compositionId: string): Promise<Record<string, unknown>> {
  const row = await db.settings.get(key(projectId, compositionId));
  const value = row?.value;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export async function saveCompositionProps(db: DirectorDb, projectId: string, compositionId: string, props: Record<string, unknown>): Promise<void> {
  await db.settings.put({ key: key(projectId, compositionId), value: props });
}
