import { emptyGraph, type Graph } from '../core/graph/graph-types';
import { newId } from '../core/util/ids';
import type { DirectorDb } from './database';

/** A project's canvas graph: one row per project, found by projectId (its id is a plain random id, so backups and duplicates carry it like any row). */
interface GraphRow {
  id: string;
  projectId: string;
  graph: Graph;
  updatedAt: number;
}

const table = (db: DirectorDb) => db.graphs as unknown as import('dexie').Table<GraphRow, string>;

export function loadGraphRow(db: DirectorDb, projectId: string): Promise<GraphRow | undefined> {
  return table(db).where('projectId').equals(projectId).first();
}

export async function loadGraph(db: DirectorDb, projectId: string): Promise<Graph> {
  return (await loadGraphRow(db, projectId))?.graph ?? emptyGraph();
}

export async function saveGraph(db: DirectorDb, projectId: string, graph: Graph, now = Date.now()): Promise<void> {
  await db.transaction('rw', table(db), async () => {
    const existing = await loadGraphRow(db, projectId);
    await table(db).put({ id: existing?.id ?? newId(), projectId, graph, updatedAt: now });
  });
}
