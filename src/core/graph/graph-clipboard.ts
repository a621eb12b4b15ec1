import type { Graph, GraphNode } from './graph-types';

/** Copied nodes and the connections among them. */
export interface GraphClip {
  nodes: GraphNode[];
  edges: Graph['edges'];
}

/** The selected nodes and only the edges between them (an edge to an unselected node has no end in a paste). */
export function copySelection(graph: Graph, ids: ReadonlySet<string>): GraphClip | null {
  if (!ids.size) return null;
  return { nodes: graph.nodes.filter((n) => ids.has(n.id)), edges: graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to)) };
}

/**
 * Pastes a clip as new nodes with new ids, `offset` from the originals, wired as they were.
 * Returns the graph, the new nodes' ids (to select), and the clip as pasted, so pasting again
 * lands one more step further instead of on top.
 */
export function pasteClip(graph: Graph, clip: GraphClip, newId: () => string, offset = 40): { graph: Graph; pasted: string[]; clip: GraphClip } {
  const ids = new Map(clip.nodes.map((n) => [n.id, newId()]));
  // A node keeps its group only if the group still exists.
  const groups = new Set(graph.groups.map((g) => g.id));
  const nodes = clip.nodes.map((n) => {
    const { group, ...rest } = n;
    return { ...rest, ...(group && groups.has(group) ? { group } : {}), id: ids.get(n.id)!, position: { x: n.position.x + offset, y: n.position.y + offset } };
  });
  const edges = clip.edges.map((e) => ({ ...e, id: newId(), from: ids.get(e.from)!, to: ids.get(e.to)! }));
  return { graph: { ...graph, nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] }, pasted: nodes.map((n) => n.id), clip: { nodes, edges } };
}
