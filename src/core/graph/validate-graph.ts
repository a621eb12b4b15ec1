import { checkEndpoints } from './check-connection';
import type { Graph, GraphNode } from './graph-types';
import { nameNode, parseParams, type KindRegistry } from './kind-registry';
import { topologyOf } from './topology';

export type GraphProblemCode =
  | 'malformed'
  | 'duplicate_id' | 'unknown_kind' | 'invalid_params' | 'unknown_group' | 'bad_edge' | 'dependency_cycle';

export interface GraphProblem {
  code: GraphProblemCode;
  /** Where in the document: "nodes[3]", "edges[12]". */
  where: string;
  message: string;
}

/**
 * Checks a whole graph at once (the import gate's second half): every problem is listed, and
 * params come back parsed (defaults filled, unknown keys dropped).
 */
export function validateGraph(graph: Graph, registry: KindRegistry): { graph: Graph; problems: GraphProblem[] } {
  const problems: GraphProblem[] = [];
  const groupIds = new Set<string>();
  graph.groups.forEach((group, i) => {
    if (groupIds.has(group.id)) problems.push({ code: 'duplicate_id', where: `groups[${i}]`, message: `Group id "${group.id}" is used twice` });
    groupIds.add(group.id);
  });

  const byId = new Map<string, GraphNode>();
  const nodes = graph.nodes.map((node, i): GraphNode => {
    const where = `nodes[${i}]`;
    if (byId.has(node.id)) problems.push({ code: 'duplicate_id', where, message: `Node id "${node.id}" is used twice` });
    if (node.group !== undefined && !groupIds.has(node.group))
      problems.push({ code: 'unknown_group', where, message: `Node "${node.id}" is in a group "${node.group}" that does not exist` });
    let normalised = node;
    const def = registry.get(node.kind);
    if (!def) problems.push({ code: 'unknown_kind', where, message: `Node "${node.id}" has an unknown kind "${node.kind}"` });
    else {
      const params = parseParams(def, node.params);
      if (params.ok) normalised = { ...node, params: params.value };
      else problems.push({ code: 'invalid_params', where, message: `Node "${node.id}": ${params.message}` });
    }
    if (!byId.has(node.id)) byId.set(node.id, normalised);
    return normalised;
  });

  const edgeIds = new Set<string>();
  const seenLinks = new Set<string>();
  const perInput = new Map<string, number>();
  graph.edges.forEach((edge, i) => {
    const where = `edges[${i}]`;
    const bad = (message: string) => problems.push({ code: 'bad_edge', where, message });
    if (edgeIds.has(edge.id)) return bad(`Edge id "${edge.id}" is used twice`);
    edgeIds.add(edge.id);
    const source = byId.get(edge.from);
    const target = byId.get(edge.to);
    if (!source || !target) return bad(`Edge "${edge.id}" connects a node that does not exist ("${source ? edge.to : edge.from}")`);
    if (source === target) return bad(`Edge "${edge.id}" connects node "${edge.from}" to itself`);
    if (!registry.get(source.kind) || !registry.get(target.kind)) return; // already reported as unknown_kind
    const ends = checkEndpoints(source, target, edge, registry);
    if (!ends.ok) return bad(`Edge "${edge.id}": ${ends.message}`);
    const link = `${edge.from}\u0000${edge.fromPort}\u0000${edge.to}\u0000${edge.toPort}`;
    if (seenLinks.has(link)) return bad(`Edge "${edge.id}" repeats another edge`);
    seenLinks.add(link);
    const slot = `${edge.to}\u0000${edge.toPort}`;
    const count = (perInput.get(slot) ?? 0) + 1;
    perInput.set(slot, count);
    const { input } = ends.value;
    if (!input.multiple && count > 1) bad(`${input.label} input of node "${edge.to}" takes one connection, got ${count}`);
    else if (input.max !== undefined && count > input.max) bad(`${input.label} input of node "${edge.to}" takes at most ${input.max} connections`);
  });

  const normalised: Graph = { nodes, edges: graph.edges, groups: graph.groups };
  const topo = topologyOf(normalised);
  if (topo.cycle) {
    const names = [...topo.cycle, topo.cycle[0]!].map((id) => nameNode(topo.nodeById.get(id), id, registry));
    problems.push({ code: 'dependency_cycle', where: 'edges', message: `The graph has a cycle: ${names.join(' → ')}` });
  }
  return { graph: normalised, problems };
}
