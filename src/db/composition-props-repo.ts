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

/** Every composition's props in the project, by composition id (what a version keeps). */
export async function listCompositionProps(db: DirectorDb, projectId: string): Promise<Record<string, Record<string, unknown>>> {
  const prefix = key(projectId, '');
  const rows = await db.settings.where('key').startsWith(prefix).toArray();
  return Object.fromEntries(rows.filter((r) => r.value && typeof r.value === 'object' && !Array.isArray(r.value)).map((r) => [r.key.slice(prefix.length), r.value as Record<string, unknown>]));
}

/** Makes the project's props exactly `props` (compositions not named lose theirs). */
export async function replaceCompositionProps(db: DirectorDb, projectId: string, props: Record<string, Record<string, unknown>>): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.where('key').startsWith(key(projectId, '')).delete();
    await db.settings.bulkPut(Object.entries(props).map(([compositionId, value]) => ({ key: key(projectId, compositionId), value })));
  });
}
