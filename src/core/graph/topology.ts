import { findCycle } from './find-cycle';
import type { Graph, GraphEdge, GraphNode } from './graph-types';

/**
 * Who feeds whom, computed once per call and shared by every step of that call. Not memoised
 * across calls by object identity: a reactive store may edit the graph in place, and a stale
 * topology would plan the wrong work. Topology only orders nodes; it never runs one.
 */
export interface Topology {
  nodeById: ReadonlyMap<string, GraphNode>;
  /** Edges into each node, in graph order (edges naming missing nodes are left out). */
  incoming: ReadonlyMap<string, readonly GraphEdge[]>;
  outgoing: ReadonlyMap<string, readonly GraphEdge[]>;
  /** All node ids, every node after the nodes feeding it; null when there is a cycle. */
  order: readonly string[] | null;
  /** Position of each node in `order`. */
  rank: ReadonlyMap<string, number>;
  /** The nodes of one cycle, in edge order, when `order` is null. */
  cycle: readonly string[] | null;
}

export function topologyOf(graph: Graph): Topology {
  const nodeById = new Map<string, GraphNode>();
  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  for (const node of graph.nodes) {
    nodeById.set(node.id, node);
    incoming.set(node.id, []);
    outgoing.set(node.id, []);
  }
  for (const edge of graph.edges) {
    if (!nodeById.has(edge.from) || !nodeById.has(edge.to)) continue;
    incoming.get(edge.to)!.push(edge);
    outgoing.get(edge.from)!.push(edge);
  }

  // Kahn's algorithm, seeded in graph order so the result is deterministic.
  const pending = new Map<string, number>();
  for (const [id, edges] of incoming) pending.set(id, edges.length);
  const order: string[] = [];
  for (const node of graph.nodes) if (pending.get(node.id) === 0) order.push(node.id);
  for (let i = 0; i < order.length; i++) {
    for (const edge of outgoing.get(order[i]!)!) {
      const left = pending.get(edge.to)! - 1;
      pending.set(edge.to, left);
      if (left === 0) order.push(edge.to);
    }
  }

  if (order.length < nodeById.size) {
    const successors = new Map<string, string[]>();
    for (const [id, edges] of outgoing) successors.set(id, edges.map((e) => e.to));
    const stuck = [...nodeById.keys()].filter((id) => pending.get(id)! > 0);
    return { nodeById, incoming, outgoing, order: null, rank: new Map(), cycle: findCycle(stuck, successors) ?? stuck };
  }
  return { nodeById, incoming, outgoing, order, rank: new Map(order.map((id, i) => [id, i])), cycle: null };
}

/** The targets and everything upstream of them, in run order. Requires an acyclic topology. */
export function upstreamInOrder(topo: Topology, targets: Iterable<string>): string[] {
  const seen = new Set<string>();
  const stack = [...targets].filter((id) => topo.nodeById.has(id));
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const edge of topo.incoming.get(id)!) if (!seen.has(edge.from)) stack.push(edge.from);
  }
  return [...seen].sort((a, b) => topo.rank.get(a)! - topo.rank.get(b)!);
}

/** Every node downstream of the given ones (not including them unless reachable). */
export function downstreamOf(topo: Topology, from: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length) {
    const id = stack.pop()!;
    for (const edge of topo.outgoing.get(id) ?? []) {
      if (!seen.has(edge.to)) {
        seen.add(edge.to);
        stack.push(edge.to);
      }
    }
  }
  return seen;
}

/** Is `to` reachable from `from` along edges? Returns the path (from … to) or null. */
export function pathBetween(topo: Topology, from: string, to: string): string[] | null {
  const parent = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (id === to) {
      const path = [to];
      while (path[0] !== from) path.unshift(parent.get(path[0]!)!);
      return path;
    }
    for (const edge of topo.outgoing.get(id) ?? []) {
      if (!parent.has(edge.to)) {
        parent.set(edge.to, id);
        queue.push(edge.to);
      }
    }
  }
  return null;
}
