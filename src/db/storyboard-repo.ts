import type { Table } from 'dexie';
import { parseStoryboard } from '../core/storyboard/storyboard-schema';
import type { Storyboard } from '../core/storyboard/storyboard-types';
import { newId } from '../core/util/ids';
import type { Take } from '../core/graph/take-store';
import { isStoryboardNode } from '../core/storyboard/storyboard-graph';
import { listProjectTakes } from './graph-stores';
import type { DirectorDb } from './database';

/** A project's storyboard: one row per project, the document parsed on the way out. */
interface StoryboardRow {
  id: string;
  projectId: string;
  board: unknown;
  updatedAt: number;
}

const table = (db: DirectorDb) => db.storyboards as unknown as Table<StoryboardRow, string>;

export interface LoadedStoryboard {
  board: Storyboard;
  updatedAt: number;
  /** Set when the stored row was not a valid storyboard (it is kept until the next save). */
  problem?: string;
}

export async function loadStoryboard(db: DirectorDb, projectId: string): Promise<LoadedStoryboard> {
  const row = await table(db).where('projectId').equals(projectId).first();
  const { board, problem } = parseStoryboard(row?.board);
  return { board, updatedAt: row?.updatedAt ?? 0, ...(problem ? { problem } : {}) };
}

export async function saveStoryboard(db: DirectorDb, projectId: string, board: Storyboard, now = Date.now()): Promise<void> {
  await db.transaction('rw', table(db), async () => {
    const existing = await table(db).where('projectId').equals(projectId).first();
    await table(db).put({ id: existing?.id ?? newId(), projectId, board, updatedAt: now });
  });
}

/** Every take of the project's storyboard clips (their engine nodes), oldest first. */
export async function listStoryboardTakes(db: DirectorDb, projectId: string): Promise<Take[]> {
  return (await listProjectTakes(db, projectId)).filter((t) => isStoryboardNode(t.nodeId));
}
