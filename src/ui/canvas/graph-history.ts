import { createSignal } from 'solid-js';
import type { Graph } from '../../core/graph/graph-types';

const LIMIT = 200;

/**
 * The coalescing key of automatic layout: a workflow placed, a tidy, nodes moved aside by one that
 * grew. Such moves following one another are one undo step, until the next edit of a person.
 */
export const LAYOUT_STEP = 'layout';

/**
 * Undo/redo over immutable documents (a graph, a storyboard). Edits that share a `coalesce` key
 * with the previous one (the mouse moves of one drag, the keys typed in one field) replace it
 * instead of adding a step, so a drag undoes in one step.
 */
export function createHistory<T extends object>(initial: T) {
  const [graph, setGraph] = createSignal<T>(initial);
  const [past, setPast] = createSignal<T[]>([]);
  const [future, setFuture] = createSignal<T[]>([]);
  let lastKey: string | null = null;

  const apply = (next: T, coalesce?: string) => {
    if (next === graph()) return;
    if (!(coalesce && coalesce === lastKey)) setPast((p) => [...p.slice(-LIMIT + 1), graph()]);
    lastKey = coalesce ?? null;
    setFuture([]);
    setGraph(() => next);
  };
  const undo = () => {
    const p = past();
    if (!p.length) return false;
    setFuture((f) => [graph(), ...f]);
    setGraph(() => p[p.length - 1]!);
    setPast(p.slice(0, -1));
    lastKey = null;
    return true;
  };
  const redo = () => {
    const f = future();
    if (!f.length) return false;
    setPast((p) => [...p, graph()]);
    setGraph(() => f[0]!);
    setFuture(f.slice(1));
    lastKey = null;
    return true;
  };
  /** Replaces the graph and forgets the steps (loading). */
  const reset = (next: T) => {
    setGraph(() => next);
    setPast([]);
    setFuture([]);
    lastKey = null;
  };
  /**
   * Rewrites the document and every undo and redo step with `change` (another tab's edits merged
   * into each): the change shows now and stays through undo, and no step of this tab is lost.
   */
  const rebase = (change: (doc: T) => T) => {
    setGraph((g) => change(g));
    setPast((p) => p.map(change));
    setFuture((f) => f.map(change));
  };
  /** Ends a coalescing run (mouse up), so the next drag is a step of its own. */
  const seal = () => (lastKey = null);
  return { graph, apply, undo, redo, reset, rebase, seal, canUndo: () => past().length > 0, canRedo: () => future().length > 0 };
}

export const createGraphHistory = (initial: Graph) => createHistory<Graph>(initial);

export type GraphHistory = ReturnType<typeof createGraphHistory>;
