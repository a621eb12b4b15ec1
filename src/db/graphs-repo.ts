import { emptyGraph, type Graph } from '../core/graph/graph-types';
import type { DirectorDb } from './database';

/** A project's canvas graph: one row per project (id = "graph:<projectId>"). */
interface GraphRow {
  id: string;
  projectId: string;
  graph: Graph;
  updatedAt: number;
}

const rowId = (projectId: string) => `graph:${projectId}`;
const table = (db: DirectorDb) => db.graphs as unknown as import('dexie').Table<GraphRow, string>;

export async function loadGraph(db: DirectorDb, projectId: string): Promise<Graph> {
  const row = await table(db).get(rowId(projectId));
  return row?.graph ?? emptyGraph();
}

export async function saveGraph(db: DirectorDb, projectId: string, graph: Graph, now = Date.now()): Promise<void> {
  await table(db).put({ id: rowId(projectId), projectId, graph, updatedAt: now });
}
