import { computeCacheKeys } from './cache-keys';
import type { Graph } from './graph-types';
import { defaultKindRegistry, type KindRegistry } from './kind-registry';
import { topologyOf } from './topology';

/** A node's state on the canvas between runs. */
export type CanvasNodeState = 'idle' | 'queued' | 'running' | 'done' | 'error' | 'blocked' | 'cancelled' | 'stale';

export interface NodeStateChange {
  nodeId: string;
  from: CanvasNodeState;
  to: CanvasNodeState;
}

/** Cache key of every node (nodes of unknown kinds and their downstream get none). */
export function cacheKeysOfGraph(graph: Graph, registry: KindRegistry = defaultKindRegistry): Map<string, string> {
  const topo = topologyOf(graph);
  if (!topo.order) return new Map();
  const keys = computeCacheKeys(topo, topo.order, registry, 'skip');
  return keys.ok ? keys.value : new Map();
}

/**
 * After an edit (params, connections, nodes): every node whose cache key changed, which is the
 * edited node and everything downstream of it, leaves its finished state. A done node becomes
 * 'stale' (its output no longer matches); an error, blocked or cancelled one goes back to
 * 'idle' (the old reason may no longer hold). Moving or renaming a node changes no key.
 *
 * @example
 * const { states, changed } = markStale(before, after, states);
 * // changed: [{ nodeId: 'veo-1', from: 'done', to: 'stale' }, { nodeId: 'extend-1', ... }]
 */
export function markStale(
  before: Graph,
  after: Graph,
  states: Readonly<Record<string, CanvasNodeState>>,
  registry: KindRegistry = defaultKindRegistry,
): { states: Record<string, CanvasNodeState>; changed: NodeStateChange[] } {
  const oldKeys = cacheKeysOfGraph(before, registry);
  const newKeys = cacheKeysOfGraph(after, registry);
  const next: Record<string, CanvasNodeState> = {};
  const changed: NodeStateChange[] = [];
  for (const node of after.nodes) {
    const from = states[node.id] ?? 'idle';
    let to = from;
    const newKey = newKeys.get(node.id);
    if (newKey === undefined || newKey !== oldKeys.get(node.id)) {
      if (from === 'done') to = 'stale';
      else if (from === 'error' || from === 'blocked' || from === 'cancelled') to = 'idle';
    }
    next[node.id] = to;
    if (to !== from) changed.push({ nodeId: node.id, from, to });
  }
  return { states: next, changed };
}

/** The cache key of one node, hashing only it and what feeds it (not the whole graph). */
export function cacheKeyOfNode(graph: Graph, nodeId: string, registry: KindRegistry = defaultKindRegistry): string | undefined {
  const feeding = new Set([nodeId]);
  const queue = [nodeId];
  while (queue.length) {
    const id = queue.pop()!;
    for (const e of graph.edges) if (e.to === id && !feeding.has(e.from)) feeding.add(e.from), queue.push(e.from);
  }
  const sub: Graph = { ...graph, nodes: graph.nodes.filter((n) => feeding.has(n.id)), edges: graph.edges.filter((e) => feeding.has(e.from) && feeding.has(e.to)) };
  return cacheKeysOfGraph(sub, registry).get(nodeId);
}
