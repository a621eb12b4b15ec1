import type { Graph, GraphEdge, GraphGroup, GraphNode } from './graph-types';

/**
 * Three-way merge of two edits of one graph (two tabs, or a tab and the stored copy), element by
 * element: `base` is the last version both sides had, `mine` and `theirs` what each made of it.
 * What only one side changed (added, edited, moved, deleted) is taken from that side; a node both
 * sides changed is merged field by field (params key by key), `mine` winning a field both changed.
 * A deletion loses to an edit on the other side, so no one's work vanishes. Edges left without a
 * node, and group references left without a group, are dropped.
 */
export function mergeGraphs(base: Graph, mine: Graph, theirs: Graph): Graph {
  const nodes = mergeById(base.nodes, mine.nodes, theirs.nodes, mergeNode);
  const nodeIds = new Set(nodes.map((n) => n.id));
  const groups = mergeById(base.groups, mine.groups, theirs.groups, mergeFields<GraphGroup>);
  const groupIds = new Set(groups.map((g) => g.id));
  const edges = mergeById(base.edges, mine.edges, theirs.edges, mergeFields<GraphEdge>).filter((e) => nodeIds.has(e.from) && nodeIds.has(e.to));
  return {
    nodes: nodes.map((n) => (n.group && !groupIds.has(n.group) ? withoutGroup(n) : n)),
    edges,
    groups,
  };
}

type Merge<T> = (base: T | undefined, mine: T, theirs: T) => T;

/** By id: theirs' order first (the stored order), then what only mine added, in mine's order. */
function mergeById<T extends { id: string }>(base: readonly T[], mine: readonly T[], theirs: readonly T[], both: Merge<T>): T[] {
  const b = new Map(base.map((x) => [x.id, x]));
  const m = new Map(mine.map((x) => [x.id, x]));
  const t = new Map(theirs.map((x) => [x.id, x]));
  const out: T[] = [];
  const pick = (id: string): T | undefined => {
    const [bx, mx, tx] = [b.get(id), m.get(id), t.get(id)];
    if (same(mx, bx)) return tx; // only theirs changed it (or no one did)
    if (same(tx, bx)) return mx; // only mine changed it
    if (!mx) return tx; // mine deleted what theirs edited: the edit stays
    if (!tx) return mx;
    return both(bx, mx, tx);
  };
  for (const x of theirs) {
    const merged = pick(x.id);
    if (merged) out.push(merged);
  }
  for (const x of mine) {
    if (t.has(x.id)) continue;
    const merged = pick(x.id);
    if (merged) out.push(merged);
  }
  return out;
}

function mergeNode(base: GraphNode | undefined, mine: GraphNode, theirs: GraphNode): GraphNode {
  const merged = mergeFields(base, mine, theirs);
  return { ...merged, params: mergeFields(base?.params, mine.params, theirs.params) };
}

/** Field by field: a field only theirs changed comes from theirs; otherwise mine's. */
function mergeFields<T extends object>(base: T | undefined, mine: T, theirs: T): T {
  const out: Record<string, unknown> = { ...(mine as Record<string, unknown>) };
  const b = (base ?? {}) as Record<string, unknown>;
  const t = theirs as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(t), ...Object.keys(out)])) {
    if (same(out[key], b[key]) && !same(t[key], b[key])) {
      if (t[key] === undefined) delete out[key];
      else out[key] = t[key];
    }
  }
  return out as T;
}

function withoutGroup(node: GraphNode): GraphNode {
  const { group: _dropped, ...rest } = node;
  return rest;
}

/** Structural equality of plain data (what the graph is made of). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
