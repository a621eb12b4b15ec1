import { For } from 'solid-js';
import type { Graph } from '../../core/graph/graph-types';
import { defaultKindRegistry } from '../../core/graph/kind-registry';
import { edgePath, inputAnchor, layoutOf, NODE_WIDTH, outputAnchor } from '../canvas/node-layout';

/** Colours by what a step does: what you bring, what analyses, what generates video, what assembles. */
const ROLE_COLOURS: Record<string, string> = {
  image: '#4a9ff5',
  audio: '#4a9ff5',
  prompt: '#4a9ff5',
  'face-analysis': '#a78bfa',
  character: '#a78bfa',
  beats: '#a78bfa',
  enhance: '#a78bfa',
  'veo-video': '#38c9a8',
  'runway-video': '#38c9a8',
  'sora-video': '#38c9a8',
  comfyui: '#38c9a8',
  extend: '#38c9a8',
  composition: '#f5b94a',
  render: '#f5b94a',
};

const MARGIN = 40;

/**
 * A miniature of a workflow's graph as the Canvas lays it out (same node sizes, ports and curves),
 * so a starter card shows the shape of what it loads.
 */
export function WorkflowDiagram(props: { graph: Graph }) {
  const registry = defaultKindRegistry;
  const nodes = () => props.graph.nodes.map((node) => ({ node, layout: layoutOf(node, registry) }));
  const byId = () => new Map(nodes().map((n) => [n.node.id, n]));
  const box = () => {
    const all = nodes();
    const minX = Math.min(...all.map((n) => n.node.position.x)) - MARGIN;
    const minY = Math.min(...all.map((n) => n.node.position.y)) - MARGIN;
    const maxX = Math.max(...all.map((n) => n.node.position.x + NODE_WIDTH)) + MARGIN;
    const maxY = Math.max(...all.map((n) => n.node.position.y + n.layout.height)) + MARGIN;
    return `${minX} ${minY} ${maxX - minX} ${maxY - minY}`;
  };
  const edges = () =>
    props.graph.edges.flatMap((e) => {
      const from = byId().get(e.from);
      const to = byId().get(e.to);
      if (!from || !to) return [];
      const out = Math.max(0, from.layout.outputs.findIndex((p) => p.name === e.fromPort));
      const input = Math.max(0, to.layout.inputs.findIndex((p) => p.name === e.toPort));
      return [{ id: e.id, d: edgePath(outputAnchor(from.node, out), inputAnchor(to.node, input)), colour: ROLE_COLOURS[from.node.kind] ?? '#9aa1b2' }];
    });

  return (
    <svg class="workflow-diagram" viewBox={box()} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
      <For each={edges()}>{(e) => <path d={e.d} fill="none" stroke={e.colour} stroke-opacity="0.7" stroke-width="6" />}</For>
      <For each={nodes()}>
        {({ node, layout }) => {
          const colour = ROLE_COLOURS[node.kind] ?? '#9aa1b2';
          return (
            <g transform={`translate(${node.position.x} ${node.position.y})`}>
              <rect width={NODE_WIDTH} height={layout.height} rx="14" fill="#242833" stroke={colour} stroke-width="4" />
              <rect width={NODE_WIDTH} height="30" rx="14" fill={colour} fill-opacity="0.85" />
              <text x="14" y="58" fill="#e8eaf0" font-size="26" font-family="system-ui, sans-serif">
                {node.label ?? registry.get(node.kind)?.title ?? node.kind}
              </text>
            </g>
          );
        }}
      </For>
    </svg>
  );
}
