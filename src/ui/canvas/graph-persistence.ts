import { createEffect, createSignal, on, onCleanup } from 'solid-js';
import { canonicalJson } from '../../core/graph/canonical-json';
import { mergeGraphs } from '../../core/graph/merge-graphs';
import { emptyGraph, type Graph } from '../../core/graph/graph-types';
import { loadGraphRow, saveGraphMerging, type GraphVersion } from '../../db/graphs-repo';
import { db } from '../../app/db';
import { createLiveQuery } from '../../app/live-query';
import type { GraphHistory } from './graph-history';

const SAVE_DELAY_MS = 300;

/**
 * The canvas graph kept with the project: loaded once, saved shortly after each change, and kept in
 * step with other tabs of the same project node by node. Another tab's save is merged into what
 * this tab shows and into its undo steps (so undo here never takes back the other tab's work);
 * a save on top of a revision this tab has not seen yet is merged in the same transaction.
 */
export function createGraphPersistence(projectId: string, history: GraphHistory) {
  const [loaded, setLoaded] = createSignal(false);
  /** The stored version this tab has merged with: the base of the next three-way merge. */
  let synced: GraphVersion | null = null;
  /** What is stored, as canonical JSON: a graph equal to it (another tab's merged in) is not saved again. */
  let savedJson = '';
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const takeIn = (base: Graph, theirs: Graph) => history.rebase((mine) => mergeGraphs(base, mine, theirs));

  const save = async (graph: Graph) => {
    const json = canonicalJson(graph);
    if (json === savedJson) return;
    const base = synced;
    const saved = await saveGraphMerging(db, projectId, graph, base);
    synced = { graph: saved.graph, revision: saved.revision };
    savedJson = canonicalJson(saved.graph);
    if (saved.theirs) takeIn(base?.graph ?? emptyGraph(), saved.theirs);
  };

  const load = async () => {
    const row = await loadGraphRow(db, projectId);
    const graph = row?.graph ?? emptyGraph();
    synced = row ? { graph, revision: row.revision ?? 0 } : null;
    savedJson = canonicalJson(graph);
    history.reset(graph);
    setLoaded(true);
  };

  createEffect(
    on(
      history.graph,
      (graph) => {
        if (!loaded()) return;
        clearTimeout(saveTimer);
        saveTimer = setTimeout(() => void save(graph), SAVE_DELAY_MS);
      },
      { defer: true },
    ),
  );
  onCleanup(() => {
    clearTimeout(saveTimer);
    if (loaded()) void save(history.graph());
  });

  // Another tab saved: merge its version in (what this tab has not saved yet stays, and is saved next).
  const stored = createLiveQuery(() => loadGraphRow(db, projectId), undefined);
  createEffect(() => {
    const row = stored.value();
    if (!row || !loaded()) return;
    const revision = row.revision ?? 0;
    if (synced && revision <= synced.revision) return;
    const base = synced?.graph ?? emptyGraph();
    synced = { graph: row.graph, revision };
    savedJson = canonicalJson(row.graph);
    takeIn(base, row.graph);
  });

  return { loaded, load };
}
