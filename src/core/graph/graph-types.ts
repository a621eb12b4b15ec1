/** The canvas graph as stored and exported: plain data, updated immutably (new objects on edit). */

export interface NodePosition {
  x: number;
  y: number;
}

export interface GraphNode {
  id: string;
  /** A key of the node kind registry, e.g. "veo-video". */
  kind: string;
  /** Kind-specific, validated by the kind's zod schema; what enters the cache key. */
  params: Record<string, unknown>;
  position: NodePosition;
  /** Shown instead of the kind title, e.g. "Shot 1". */
  label?: string;
  /** Id of a group in `Graph.groups`. */
  group?: string;
}

/**
 * An output port of one node feeding an input port of another. Edges into a multi-input port
 * keep their order in `Graph.edges`; that order is the order of the values the runner gets.
 */
export interface GraphEdge {
  id: string;
  from: string;
  fromPort: string;
  to: string;
  toPort: string;
}

export interface GraphGroup {
  id: string;
  label: string;
  color?: string;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  groups: GraphGroup[];
}

export const emptyGraph = (): Graph => ({ nodes: [], edges: [], groups: [] });
