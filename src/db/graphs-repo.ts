import { emptyGraph, type Graph } from '../core/graph/graph-types';
import { mergeGraphs } from '../core/graph/merge-graphs';
import { newId } from '../core/util/ids';
import type { DirectorDb } from './database';

/** A project's canvas graph: one row per project, found by projectId (its id is a plain random id, so backups and duplicates carry it like any row). */
interface GraphRow {
  id: string;
  projectId: string;
  graph: Graph;
  updatedAt: number;
  /** Counts the saves: a tab saving on top of a revision it has not seen merges first. */
  revision?: number;
}

/** The stored version a tab last had: what its next save is merged against. */
export interface GraphVersion {
  graph: Graph;
  revision: number;
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
    await table(db).put({ id: existing?.id ?? newId(), projectId, graph, updatedAt: now, revision: (existing?.revision ?? 0) + 1 });
  });
}

/**
 * Saves a tab's graph without losing another tab's save: when the stored revision is no longer the
 * one the tab started from (`base`), the two are merged per node (`mergeGraphs`) in the same
 * transaction and the merged graph is stored; `theirs` (what was stored) comes back so the tab can
 * merge it into its undo steps too.
 */
export async function saveGraphMerging(
  db: DirectorDb,
  projectId: string,
  graph: Graph,
  base: GraphVersion | null,
  now = Date.now(),
): Promise<GraphVersion & { theirs: Graph | null }> {
  return db.transaction('rw', table(db), async () => {
    const existing = await loadGraphRow(db, projectId);
    const current = existing?.revision ?? 0;
    const theirs = existing && current !== (base?.revision ?? 0) ? existing.graph : null;
    const merged = theirs ? mergeGraphs(base?.graph ?? emptyGraph(), graph, theirs) : graph;
    const revision = current + 1;
    await table(db).put({ id: existing?.id ?? newId(), projectId, graph: merged, updatedAt: now, revision });
    return { graph: merged, revision, theirs };
  });
}
