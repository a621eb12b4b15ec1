import { createMemo, For } from 'solid-js';
import type { Graph } from '../../core/graph/graph-types';
import { groupBounds, groupColor } from '../../core/graph/group-bounds';
import type { GraphNode } from '../../core/graph/graph-types';
import type { NodeSize } from '../../core/graph/node-geometry';
import type { Viewport } from './graph-canvas';
import { NODE_WIDTH } from './node-layout';

const W = 180;
const H = 120;

/** The whole graph in small, groups as tinted frames, with the visible area; click to go there. */
export function Minimap(props: { graph: Graph; viewport: Viewport; canvasSize: { width: number; height: number }; onJump: (v: Viewport) => void; sizeOf: (node: GraphNode) => NodeSize }) {
  const heights = createMemo(() => new Map(props.graph.nodes.map((n) => [n.id, props.sizeOf(n).height])));
  const frames = createMemo(() => groupBounds(props.graph, (n) => ({ width: NODE_WIDTH, height: heights().get(n.id) ?? 90 })));
  const bounds = createMemo(() => {
    const nodes = props.graph.nodes;
    if (!nodes.length) return { x: 0, y: 0, w: 1000, h: 700 };
    const xs = nodes.map((n) => n.position.x);
    const ys = nodes.map((n) => n.position.y);
    const x = Math.min(...xs) - 200;
    const y = Math.min(...ys) - 200;
    return { x, y, w: Math.max(...xs) + NODE_WIDTH + 200 - x, h: Math.max(...nodes.map((n) => n.position.y + (heights().get(n.id) ?? 90))) + 200 - y };
  });
  const scale = () => Math.min(W / bounds().w, H / bounds().h);
  const view = () => {
    const v = props.viewport;
    return { x: -v.x / v.zoom, y: -v.y / v.zoom, w: props.canvasSize.width / v.zoom, h: props.canvasSize.height / v.zoom };
  };
  // The view frame is a div moved by transform over a static SVG: a pan repaints nothing here.
  return (
    <div
      class="minimap"
      style={{ width: `${W}px`, height: `${H}px` }}
      role="img"
      aria-label="Minimap"
      onPointerDown={(e) => {
        const rect = e.currentTarget.getBoundingClientRect();
        const wx = (e.clientX - rect.left) / scale() + bounds().x;
        const wy = (e.clientY - rect.top) / scale() + bounds().y;
        const z = props.viewport.zoom;
        props.onJump({ zoom: z, x: props.canvasSize.width / 2 - wx * z, y: props.canvasSize.height / 2 - wy * z });
      }}
    >
      <svg width={W} height={H}>
        <For each={props.graph.groups.filter((g) => frames().has(g.id))}>
          {(g) => {
            const b = () => frames().get(g.id)!;
            return (
              <rect
                x={(b().x - bounds().x) * scale()}
                y={(b().y - bounds().y) * scale()}
                width={b().width * scale()}
                height={b().height * scale()}
                rx={2}
                fill={groupColor(g)}
                stroke={groupColor(g)}
                class="minimap-group"
                data-testid="minimap-group"
              />
            );
          }}
        </For>
        <For each={props.graph.nodes}>
          {(n) => <rect x={(n.position.x - bounds().x) * scale()} y={(n.position.y - bounds().y) * scale()} width={NODE_WIDTH * scale()} height={Math.max(2, (heights().get(n.id) ?? 90) * scale())} class="minimap-node" />}
        </For>
      </svg>
      <div
        class="minimap-view"
        style={{ transform: `translate(${(view().x - bounds().x) * scale()}px, ${(view().y - bounds().y) * scale()}px)`, width: `${view().w * scale()}px`, height: `${view().h * scale()}px` }}
      />
    </div>
  );
}
