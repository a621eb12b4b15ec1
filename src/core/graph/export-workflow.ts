import type { Graph } from './graph-types';
import { WORKFLOW_TYPE, WORKFLOW_VERSION, type WorkflowFile } from './workflow-file';

/**
 * Writes a graph as a versioned workflow file. Only model fields travel: runtime state
 * (jobs, cache, takes) stays in the project.
 *
 * @example JSON.stringify(exportWorkflow(graph, { name: 'Three shots' }), null, 2)
 */
export function exportWorkflow(graph: Graph, meta: { name: string; description?: string; exportedAt?: number }): WorkflowFile {
  return {
    type: WORKFLOW_TYPE,
    version: WORKFLOW_VERSION,
    name: meta.name,
    description: meta.description ?? '',
    ...(meta.exportedAt !== undefined ? { exportedAt: meta.exportedAt } : {}),
    graph: {
      nodes: graph.nodes.map((n) => ({
        id: n.id,
        kind: n.kind,
        params: structuredClone(n.params),
        position: { x: n.position.x, y: n.position.y },
        ...(n.label !== undefined ? { label: n.label } : {}),
        ...(n.group !== undefined ? { group: n.group } : {}),
      })),
      edges: graph.edges.map((e) => ({ id: e.id, from: e.from, fromPort: e.fromPort, to: e.to, toPort: e.toPort })),
      groups: graph.groups.map((g) => ({ id: g.id, label: g.label, ...(g.color !== undefined ? { color: g.color } : {}) })),
    },
  };
}
