import { For, Show } from 'solid-js';
import type { GraphNode } from '../../core/graph/graph-types';
import { HEADER, NODE_WIDTH } from './node-layout';

/** Below this zoom nodes are drawn as plain boxes (ports and bodies would be unreadable anyway). */
export const DETAIL_ZOOM = 0.4;
/** Titles are shown while a box is at least this wide on screen. */
const TITLE_MIN_WIDTH_PX = 60;
const TITLE_FONT_PX = 12;

/**
 * Nodes zoomed out: one SVG of boxes with their titles. SVG shapes share their parent's paint
 * layer, so hundreds of them cost the browser one layer, where as many positioned divs cost
 * hundreds (each re-layered on every frame of a pan).
 */
export function GraphLodNodes(props: {
  ids: readonly string[];
  /** The latest version of a node, kept in step with the graph (see GraphCanvas). */
  trackNode: (id: string) => () => GraphNode;
  heightOf: (id: string) => number;
  zoom: number;
  titleOf: (node: GraphNode) => string;
  isSelected: (id: string) => boolean;
  stateOf: (id: string) => string | undefined;
  onDown: (e: PointerEvent, node: GraphNode) => void;
}) {
  const fontSize = () => TITLE_FONT_PX / props.zoom;
  const headerHeight = () => Math.max(HEADER, fontSize() * 1.6);
  const showTitles = () => NODE_WIDTH * props.zoom >= TITLE_MIN_WIDTH_PX;
  const maxChars = () => Math.max(1, Math.floor((NODE_WIDTH - 16 / props.zoom) / (fontSize() * 0.6)));
  return (
    <svg class="graph-lod" width="1" height="1" style={{ '--px': `${1 / props.zoom}px` }}>
      <For each={props.ids}>
        {(id) => {
          const node = props.trackNode(id);
          return (
            <g
              class="graph-lod-node"
              classList={{ selected: props.isSelected(id), [`state-${props.stateOf(id) ?? 'idle'}`]: true }}
              data-node-id={id}
              data-testid="graph-node-box"
              aria-label={props.titleOf(node())}
              onPointerDown={(e) => props.onDown(e, node())}
            >
              <rect x={node().position.x} y={node().position.y} width={NODE_WIDTH} height={props.heightOf(id)} rx={10} class="graph-lod-box" />
              <rect x={node().position.x} y={node().position.y} width={NODE_WIDTH} height={Math.min(props.heightOf(id), headerHeight())} rx={10} class="graph-lod-header" />
              <Show when={showTitles()}>
                <text x={node().position.x + 8 / props.zoom} y={node().position.y + headerHeight() / 2} font-size={String(fontSize())} class="graph-lod-title">
                  {truncate(props.titleOf(node()), maxChars())}
                </text>
              </Show>
            </g>
          );
        }}
      </For>
    </svg>
  );
}

const truncate = (text: string, chars: number) => (text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`);
