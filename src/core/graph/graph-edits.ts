import { newId as randomId } from '../util/ids';
import { err, ok, type Result } from '../util/result';
import { checkConnection, type ConnectionErrorCode, type ConnectionRequest } from './check-connection';
import type { Graph, GraphEdge, GraphGroup, GraphNode, NodePosition } from './graph-types';
import { defaultKindRegistry, defaultParams, parseParams, type KindRegistry } from './kind-registry';
import { inputPortsOf } from './node-kind';

/**
 * Pure edits: each returns a new graph (unchanged nodes keep their identity, which keeps
 * cache-key memoisation effective) or a typed failure. Undo/redo is the caller's stack of graphs.
 */

export interface NewNode {
  kind: string;
  position: NodePosition;
  params?: Record<string, unknown>;
  label?: string;
  id?: string;
}

export function addNode(
  graph: Graph,
  spec: NewNode,
  registry: KindRegistry = defaultKindRegistry,
  newId: () => string = randomId,
): Result<{ graph: Graph; node: GraphNode }, 'unknown_kind' | 'invalid_params' | 'duplicate_id'> {
  const def = registry.get(spec.kind);
  if (!def) return err('unknown_kind', `Unknown node kind "${spec.kind}"`);
  const id = spec.id ?? newId();
  if (graph.nodes.some((n) => n.id === id)) return err('duplicate_id', `A node "${id}" already exists`);
  const params = spec.params ? parseParams(def, spec.params) : ok(defaultParams(def));
  if (!params.ok) return params;
  const node: GraphNode = { id, kind: def.kind, params: params.value, position: { ...spec.position }, ...(spec.label ? { label: spec.label } : {}) };
  return ok({ graph: { ...graph, nodes: [...graph.nodes, node] }, node });
}

/** Connects two ports, replacing what fed a single input before. */
export function connect(
  graph: Graph,
  request: ConnectionRequest,
  registry: KindRegistry = defaultKindRegistry,
  newId: () => string = randomId,
): Result<{ graph: Graph; edge: GraphEdge; replaced?: string }, ConnectionErrorCode> {
  const check = checkConnection(graph, request, registry);
  if (!check.ok) return check;
  const replaced = check.value.replacesEdgeId;
  const edge: GraphEdge = { id: newId(), ...request };
  const edges = [...graph.edges.filter((e) => e.id !== replaced), edge];
  return ok({ graph: { ...graph, edges }, edge, ...(replaced ? { replaced } : {}) });
}

export function disconnect(graph: Graph, edgeIds: readonly string[]): Graph {
  const drop = new Set(edgeIds);
  return { ...graph, edges: graph.edges.filter((e) => !drop.has(e.id)) };
}

/** Removes nodes and every edge touching them. */
export function removeNodes(graph: Graph, nodeIds: readonly string[]): Graph {
  const drop = new Set(nodeIds);
  const nodes = graph.nodes.filter((n) => !drop.has(n.id));
  // A group whose last node goes has nothing to frame: it goes too (undo brings both back).
  const used = new Set(nodes.map((n) => n.group));
  return {
    ...graph,
    nodes,
    edges: graph.edges.filter((e) => !drop.has(e.from) && !drop.has(e.to)),
    groups: graph.groups.filter((g) => used.has(g.id)),
  };
}

/**
 * Merges a params patch and validates it. Edges into ports that no longer exist (a removed
 * Composition prop) are dropped with it.
 */
export function updateParams(
  graph: Graph,
  nodeId: string,
  patch: Record<string, unknown>,
  registry: KindRegistry = defaultKindRegistry,
): Result<Graph, 'unknown_node' | 'unknown_kind' | 'invalid_params'> {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) return err('unknown_node', `No node "${nodeId}"`);
  const def = registry.get(node.kind);
  if (!def) return err('unknown_kind', `Unknown node kind "${node.kind}"`);
  const params = parseParams(def, { ...node.params, ...patch });
  if (!params.ok) return params;
  const updated: GraphNode = { ...node, params: params.value };
  const ports = new Set(inputPortsOf(def, params.value).map((p) => p.name));
  return ok({
    ...graph,
    nodes: graph.nodes.map((n) => (n === node ? updated : n)),
    edges: graph.edges.filter((e) => e.to !== nodeId || ports.has(e.toPort)),
  });
}

/** Moves nodes; a drag is one call (one undo step). Keys do not change. */
export function moveNodes(graph: Graph, moves: Readonly<Record<string, NodePosition>>): Graph {
  return { ...graph, nodes: graph.nodes.map((n) => (moves[n.id] ? { ...n, position: { ...moves[n.id]! } } : n)) };
}

export function groupNodes(
  graph: Graph,
  nodeIds: readonly string[],
  label: string,
  newId: () => string = randomId,
): { graph: Graph; group: GraphGroup } {
  const group: GraphGroup = { id: newId(), label };
  const members = new Set(nodeIds);
  return {
    graph: { ...graph, groups: [...graph.groups, group], nodes: graph.nodes.map((n) => (members.has(n.id) ? { ...n, group: group.id } : n)) },
    group,
  };
}

/** Removes a group; its nodes stay, ungrouped. */
export function ungroup(graph: Graph, groupId: string): Graph {
  return {
    ...graph,
    groups: graph.groups.filter((g) => g.id !== groupId),
    nodes: graph.nodes.map((n) => {
      if (n.group !== groupId) return n;
      const { group: _dropped, ...rest } = n;
      return rest;
    }),
  };
}

/** Renames a group; a blank label or an unknown group leaves the graph as it was (same object, so no undo step). */
export function renameGroup(graph: Graph, groupId: string, label: string): Graph {
  const trimmed = label.trim();
  const group = graph.groups.find((g) => g.id === groupId);
  if (!group || !trimmed || trimmed === group.label) return graph;
  return { ...graph, groups: graph.groups.map((g) => (g === group ? { ...g, label: trimmed } : g)) };
}
