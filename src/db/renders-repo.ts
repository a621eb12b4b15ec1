import type { RenderRecord } from '../core/render/render-record';
import type { DirectorDb } from './database';

const table = (db: DirectorDb) => db.renders as unknown as import('dexie').Table<RenderRecord, string>;

export function listRenders(db: DirectorDb, projectId: string): Promise<RenderRecord[]> {
  return table(db).where('projectId').equals(projectId).reverse().sortBy('createdAt');
}

export function getRender(db: DirectorDb, id: string): Promise<RenderRecord | undefined> {
  return table(db).get(id);
}

export async function saveRender(db: DirectorDb, render: RenderRecord): Promise<void> {
  await table(db).put(render);
}

export async function updateRender(db: DirectorDb, id: string, changes: Partial<RenderRecord>): Promise<void> {
  await table(db).update(id, changes);
}

/**
 * A browser export dies with its page. Rows still "rendering" when the Render view opens, and not
 * started by this page, were cut off: say so instead of showing a bar that never moves.
 */
export async function markInterruptedRenders(db: DirectorDb, projectId: string, liveIds: ReadonlySet<string>): Promise<void> {
  const stale = (await listRenders(db, projectId)).filter((r) => r.where === 'browser' && r.state === 'rendering' && !liveIds.has(r.id));
  await Promise.all(stale.map((r) => updateRender(db, r.id, { state: 'interrupted', error: 'The page was closed during this export. Start it again.' })));
}
