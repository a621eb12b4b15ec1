import { createMemo, For } from 'solid-js';
import type { Graph } from '../../core/graph/graph-types';
import type { Viewport } from './graph-canvas';
import { NODE_WIDTH } from './node-layout';

const W = 180;
const H = 120;

/** The whole graph in small, with the visible area; click to go there. */
export function Minimap(props: { graph: Graph; viewport: Viewport; canvasSize: { width: number; height: number }; onJump: (v: Viewport) => void }) {
  const bounds = createMemo(() => {
    const nodes = props.graph.nodes;
    if (!nodes.length) return { x: 0, y: 0, w: 1000, h: 700 };
    const xs = nodes.map((n) => n.position.x);
    const ys = nodes.map((n) => n.position.y);
    const x = Math.min(...xs) - 200;
    const y = Math.min(...ys) - 200;
    return { x, y, w: Math.max(...xs) + NODE_WIDTH + 200 - x, h: Math.max(...ys) + 300 - y };
  });
  const scale = () => Math.min(W / bounds().w, H / bounds().h);
  const view = () => {
    const v = props.viewport;
    return { x: -v.x / v.zoom, y: -v.y / v.zoom, w: props.canvasSize.width / v.zoom, h: props.canvasSize.height / v.zoom };
  };
  return (
    <svg
      class="minimap"
      width={W}
      height={H}
      aria-label="Minimap"
      onPointerDown={(e) => {
        const rect = e.currentTarget.getBoundingClientRect();
        const wx = (e.clientX - rect.left) / scale() + bounds().x;
        const wy = (e.clientY - rect.top) / scale() + bounds().y;
        const z = props.viewport.zoom;
        props.onJump({ zoom: z, x: props.canvasSize.width / 2 - wx * z, y: props.canvasSize.height / 2 - wy * z });
      }}
    >
      <For each={props.graph.nodes}>
        {(n) => <rect x={(n.position.x - bounds().x) * scale()} y={(n.position.y - bounds().y) * scale()} width={NODE_WIDTH * scale()} height={Math.max(2, 90 * scale())} class="minimap-node" />}
      </For>
      <rect x={(view().x - bounds().x) * scale()} y={(view().y - bounds().y) * scale()} width={view().w * scale()} height={view().h * scale()} class="minimap-view" />
    </svg>
  );
}
