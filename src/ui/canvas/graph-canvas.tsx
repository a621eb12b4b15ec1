import { createMemo, createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { boundsOf, intersects, nextRenderWindow, overviewRenderWindow, type WorldRect } from '../../core/graph/canvas-window';
import { connect, disconnect, moveNodes, removeNodes, renameGroup } from '../../core/graph/graph-edits';
import type { Graph, GraphNode, NodePosition } from '../../core/graph/graph-types';
import { groupBounds, groupColor, membersOf } from '../../core/graph/group-bounds';
import type { KindRegistry } from '../../core/graph/kind-registry';
import { boxOf, type NodeSize } from '../../core/graph/node-geometry';
import { resolveOverlaps } from '../../core/graph/resolve-overlaps';
import { MAX_ZOOM, MIN_ZOOM, moveGesture, pressBackground, pressNode, releaseGesture, startDrag as dragFrom, zoomAbout, type Gesture, type PointerAt, type Viewport } from '../../core/graph/canvas-gestures';
import { DETAIL_ZOOM, GraphLodNodes } from './graph-lod-nodes';
import { GraphNodeView } from './graph-node-view';
import { GroupFrame } from './group-frame';
import { LAYOUT_STEP, type GraphHistory } from './graph-history';
import { edgePath, inputAnchor, layoutOf, NODE_WIDTH, outputAnchor, PORT_COLORS, type NodeLayout } from './node-layout';
import type { MeasuredNode, NodeSizes } from './node-sizes';

export type { Viewport };

export interface GraphCanvasProps {
  history: GraphHistory;
  registry: KindRegistry;
  /** Measured node heights, shared with the minimap and tidy. */
  sizes: NodeSizes;
  selected: () => ReadonlySet<string>;
  setSelected: (ids: ReadonlySet<string>) => void;
  viewport: () => Viewport;
  setViewport: (v: Viewport) => void;
  onOpenPalette: (at: NodePosition) => void;
  onError: (message: string) => void;
  /** Per-node run state shown on the node (idle, queued, running 40%, done, error). */
  nodeState?: (id: string) => { state: string; progress?: number; message?: string } | undefined;
  /** Node body: a thumbnail, a player, a waveform… */
  renderBody?: (node: GraphNode) => JSX.Element;
}

/** Two presses on a group's title bar this close together rename it. */
const DOUBLE_PRESS_MS = 450;

/** The dot grid's spacing on screen: 20 graph units, coarsened by 5 until dots are at least 8 px apart. */
function gridStep(zoom: number): number {
  let step = 20 * zoom;
  while (step < 8) step *= 5;
  return step;
}

/**
 * The node canvas: pan (drag the background, wheel), zoom (ctrl/⌘ + wheel or pinch, + and −),
 * drag nodes (one undo step per drag), connect typed ports (refusals say why), click and box
 * select (shift adds), group frames (drag the title bar, double-click to rename). The grid, frames,
 * edges and nodes live in one layer that a pan only moves (no re-render, no repaint); the DOM
 * changes only when the view leaves the render window (see nextRenderWindow), and zoomed out,
 * nodes are plain boxes in one SVG (see GraphLodNodes).
 */
export function GraphCanvas(props: GraphCanvasProps) {
  let host!: HTMLDivElement;
  const [gesture, setGesture] = createSignal<Gesture | null>(null);
  const [selectedEdge, setSelectedEdge] = createSignal<string | null>(null);
  const graph = () => props.history.graph();
  const nodeById = createMemo(() => new Map(graph().nodes.map((n) => [n.id, n])));
  // A node's layout is reused while its kind and params are the same object, so a move re-renders no ports.
  const layoutCache = new Map<string, { kind: string; params: GraphNode['params']; layout: NodeLayout }>();
  const layouts = createMemo(() => {
    const next = new Map<string, NodeLayout>();
    for (const n of graph().nodes) {
      const cached = layoutCache.get(n.id);
      const layout = cached && cached.kind === n.kind && cached.params === n.params ? cached.layout : layoutOf(n, props.registry);
      if (layout !== cached?.layout) layoutCache.set(n.id, { kind: n.kind, params: n.params, layout });
      next.set(n.id, layout);
    }
    for (const id of layoutCache.keys()) if (!next.has(id)) layoutCache.delete(id);
    return next;
  });
  const [hostSize, setHostSize] = createSignal({ width: 1600, height: 1000 });
  onMount(() => {
    const observer = new ResizeObserver(() => setHostSize({ width: host.clientWidth, height: host.clientHeight }));
    observer.observe(host);
    onCleanup(() => observer.disconnect());
  });
  /** The zoom alone: what depends on it (grid, detail level, title sizes) does not re-run on a pan. */
  const zoom = createMemo(() => props.viewport().zoom);
  /** What the screen shows, in graph coordinates. */
  const viewRect = (): WorldRect => {
    const v = props.viewport();
    const { width, height } = hostSize();
    return { x0: -v.x / v.zoom, y0: -v.y / v.zoom, x1: (width - v.x) / v.zoom, y1: (height - v.y) / v.zoom };
  };
  /** As drawn when measured, else as its kind and params say an idle node is. */
  const heightOf = (id: string) => props.sizes.heights().get(id) ?? layouts().get(id)!.height;
  const sizeOf = (n: GraphNode): NodeSize => ({ width: NODE_WIDTH, height: heightOf(n.id) });
  const nodeRect = (n: GraphNode): WorldRect => ({ x0: n.position.x, y0: n.position.y, x1: n.position.x + NODE_WIDTH, y1: n.position.y + heightOf(n.id) });
  const graphBounds = createMemo(() => boundsOf(graph().nodes.map(nodeRect)));
  const renderWindow = createMemo<WorldRect | undefined>(
    (previous) => (zoom() < DETAIL_ZOOM ? overviewRenderWindow(previous, viewRect(), graphBounds()) : nextRenderWindow(previous, viewRect())),
    undefined,
    { equals: (a, b) => a === b },
  );
  /**
   * Only nodes in the render window are in the DOM: a big graph then costs what a small one does
   * to paint. Selected nodes stay, so a drag never loses its node. Keyed by id, so a moved node
   * keeps its DOM (and its body); the same array comes back while the members are the same.
   */
  const visibleNodeIds = createMemo(
    () => {
      const w = renderWindow()!;
      const selected = props.selected();
      return graph().nodes.flatMap((n) => (selected.has(n.id) || intersects(w, nodeRect(n)) ? [n.id] : []));
    },
    [],
    { equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]) },
  );
  const visibleIds = createMemo(() => new Set(visibleNodeIds()));
  /** The latest version of a node; the last known one while its removal is still being rendered. */
  const trackNode = (id: string) => createMemo<GraphNode>((last) => nodeById().get(id) ?? last!, nodeById().get(id)!);
  const frames = createMemo(() => groupBounds(graph(), sizeOf));
  const visibleGroups = createMemo(() => {
    const w = renderWindow()!;
    return graph().groups.flatMap((group) => {
      const b = frames().get(group.id);
      return b && intersects(w, { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height }) ? [group] : [];
    });
  });
  const titleOf = (node: GraphNode) => node.label ?? props.registry.get(node.kind)?.title ?? `Unknown: ${node.kind}`;
  const [renaming, setRenaming] = createSignal<string | null>(null);
  let lastTitlePress = { group: '', at: 0 };

  const toWorld = (clientX: number, clientY: number): NodePosition => {
    const rect = host.getBoundingClientRect();
    const v = props.viewport();
    return { x: (clientX - rect.left - v.x) / v.zoom, y: (clientY - rect.top - v.y) / v.zoom };
  };

  // Edge objects are reused while their path is unchanged, so <For> keeps their DOM across pans.
  const edgeCache = new Map<string, { id: string; d: string; color: string }>();
  const edges = createMemo(() =>
    graph().edges.flatMap((e) => {
      if (!visibleIds().has(e.from) && !visibleIds().has(e.to)) return [];
      const from = nodeById().get(e.from);
      const to = nodeById().get(e.to);
      if (!from || !to) return [];
      const out = layouts().get(from.id)!.outputs.findIndex((p) => p.name === e.fromPort);
      const inp = layouts().get(to.id)!.inputs.findIndex((p) => p.name === e.toPort);
      if (out < 0 || inp < 0) return [];
      const type = layouts().get(from.id)!.outputs[out]!.type;
      const d = edgePath(outputAnchor(from, out), inputAnchor(to, inp));
      const color = PORT_COLORS[type] ?? '#999';
      const cached = edgeCache.get(e.id);
      if (cached && cached.d === d && cached.color === color) return [cached];
      const edge = { id: e.id, d, color };
      edgeCache.set(e.id, edge);
      return [edge];
    }),
  );

  const zoomAt = (factor: number, clientX: number, clientY: number) => {
    const rect = host.getBoundingClientRect();
    props.setViewport(zoomAbout(props.viewport(), factor, clientX - rect.left, clientY - rect.top));
  };

  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    if (e.ctrlKey || e.metaKey) zoomAt(Math.exp(-e.deltaY * 0.01), e.clientX, e.clientY);
    else {
      const v = props.viewport();
      props.setViewport({ ...v, x: v.x - e.deltaX, y: v.y - e.deltaY });
    }
  };

  const onBackgroundDown = (e: PointerEvent) => {
    if (e.button !== 0 || e.target !== e.currentTarget) return;
    host.setPointerCapture(e.pointerId);
    setSelectedEdge(null);
    const { gesture: g, clearSelection } = pressBackground(pointerAt(e), e.shiftKey, props.viewport());
    if (clearSelection && props.selected().size) props.setSelected(new Set<string>());
    setGesture(g);
  };

  const onNodeDown = (e: PointerEvent, node: GraphNode) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    host.setPointerCapture(e.pointerId);
    const pressed = pressNode(node.id, e.shiftKey, props.selected(), pointerAt(e), positionOf, `drag:${Date.now()}`);
    if (pressed.selection !== props.selected()) props.setSelected(pressed.selection);
    setGesture(pressed.gesture);
  };

  /** Moves these nodes with the pointer; every step of one drag coalesces into one undo step. */
  const startDrag = (e: PointerEvent, ids: Iterable<string>) => setGesture(dragFrom(ids, pointerAt(e), positionOf, `drag:${Date.now()}`));
  const positionOf = (id: string) => nodeById().get(id)?.position;
  const pointerAt = (e: PointerEvent): PointerAt => ({ client: { x: e.clientX, y: e.clientY }, world: toWorld(e.clientX, e.clientY) });

  /** The title bar of a group: a press selects and drags its nodes, a second press soon after renames it. */
  const onGroupTitleDown = (e: PointerEvent, groupId: string) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    setSelectedEdge(null);
    const double = lastTitlePress.group === groupId && e.timeStamp - lastTitlePress.at < DOUBLE_PRESS_MS;
    lastTitlePress = { group: double ? '' : groupId, at: e.timeStamp };
    if (double) {
      setGesture(null);
      // After this press's own focus change (to the canvas), or the new field would lose focus at once.
      setTimeout(() => setRenaming(groupId));
      return;
    }
    host.setPointerCapture(e.pointerId);
    const members = membersOf(graph(), groupId);
    props.setSelected(new Set(members));
    startDrag(e, members);
  };

  const finishRename = (groupId: string, label: string | null) => {
    setRenaming(null);
    if (label !== null) props.history.apply(renameGroup(graph(), groupId, label));
    host.focus({ preventScroll: true });
  };

  const onOutputDown = (e: PointerEvent, node: GraphNode, index: number) => {
    e.stopPropagation();
    host.setPointerCapture(e.pointerId);
    const port = layouts().get(node.id)!.outputs[index]!;
    const anchor = outputAnchor(node, index);
    setGesture({ kind: 'connect', from: node.id, fromPort: port.name, anchor, now: anchor });
  };

  const onMove = (e: PointerEvent) => {
    const g = gesture();
    if (!g) return;
    const moved = moveGesture(g, pointerAt(e));
    if ('viewport' in moved) props.setViewport(moved.viewport);
    else if ('moves' in moved) props.history.apply(moveNodes(graph(), moved.moves), moved.key);
    else setGesture(moved.gesture);
  };

  const onUp = (e: PointerEvent) => {
    const g = gesture();
    setGesture(null);
    if (!g) return;
    const boxes = graph().nodes.map((n) => ({ id: n.id, x: n.position.x, y: n.position.y, width: NODE_WIDTH, height: heightOf(n.id) }));
    const released = releaseGesture(g, props.selected(), boxes);
    if (released.kind === 'dragged') props.history.seal();
    if (waitingToGrow.size) makeRoom([]);
    if (released.kind === 'select') props.setSelected(released.selection);
    if (released.kind === 'connect') {
      const target = (document.elementFromPoint(e.clientX, e.clientY) as HTMLElement | null)?.closest<HTMLElement>('[data-input-port]');
      if (!target) return;
      const result = connect(graph(), { from: released.from, fromPort: released.fromPort, to: target.dataset.node!, toPort: target.dataset.inputPort! }, props.registry);
      if (result.ok) props.history.apply(result.value.graph);
      else props.onError(result.message);
    }
  };

  const onKey = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement | null)?.closest('input, textarea, select, [contenteditable], [role=dialog]')) return;
    const v = props.viewport();
    if (e.key === 'Escape') {
      props.setSelected(new Set<string>());
      setSelectedEdge(null);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && (props.selected().size || selectedEdge())) {
      e.preventDefault();
      let next = graph();
      if (selectedEdge()) next = disconnect(next, [selectedEdge()!]);
      if (props.selected().size) next = removeNodes(next, [...props.selected()]);
      props.history.apply(next);
      props.setSelected(new Set<string>());
      setSelectedEdge(null);
    } else if (e.key === '+' || e.key === '=') zoomAt(1.2, host.clientWidth / 2 + host.getBoundingClientRect().left, host.clientHeight / 2 + host.getBoundingClientRect().top);
    else if (e.key === '-') zoomAt(1 / 1.2, host.clientWidth / 2 + host.getBoundingClientRect().left, host.clientHeight / 2 + host.getBoundingClientRect().top);
    else if (e.key.startsWith('Arrow') && !props.selected().size) {
      const step = e.shiftKey ? 200 : 60;
      const d = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[e.key] ?? [0, 0];
      props.setViewport({ ...v, x: v.x + d[0]!, y: v.y + d[1]! });
    } else if (e.key.startsWith('Arrow') && props.selected().size) {
      e.preventDefault();
      const step = e.shiftKey ? 50 : 10;
      const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key] ?? [0, 0];
      const moves: Record<string, NodePosition> = {};
      for (const id of props.selected()) {
        const n = nodeById().get(id);
        if (n) moves[id] = { x: n.position.x + d[0]!, y: n.position.y + d[1]! };
      }
      props.history.apply(moveNodes(graph(), moves), `nudge:${[...props.selected()].join()}`);
    }
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  /**
   * A node that grew (its picture, error or progress appeared) moves what it now covers down its
   * column: a stored, undoable move (one step with the automatic layout before it), so what is
   * drawn is what is saved and what another tab sees. Never during a drag: after it.
   */
  const waitingToGrow = new Set<string>();
  const makeRoom = (grown: string[]) => {
    for (const id of grown) waitingToGrow.add(id);
    if (gesture()) return;
    const g = graph();
    const ids = [...waitingToGrow].filter((id) => nodeById().has(id));
    waitingToGrow.clear();
    if (!ids.length) return;
    const moves = resolveOverlaps(g.nodes.map((n) => boxOf(n, sizeOf(n))), ids);
    if (Object.keys(moves).length) props.history.apply(moveNodes(g, moves), LAYOUT_STEP);
  };
  props.sizes.listen((changes: MeasuredNode[]) =>
    // The first measure of a node is compared with its idle height: a reload shows pictures at once.
    // A pixel more is the zoom's rounding, not growth.
    makeRoom(changes.filter((c) => nodeById().has(c.id) && c.after > (c.before ?? layouts().get(c.id)!.height) + 1).map((c) => c.id)),
  );

  /**
   * The floor under the graph: the dot grid over the whole render window. Its paint makes the
   * world one opaque layer, so the browser merges every node into it instead of giving scattered
   * nodes layers of their own (which made each frame re-layer hundreds of them).
   */
  const floorStyle = () => {
    const w = renderWindow()!;
    const cell = gridStep(zoom()) / zoom();
    return {
      left: `${w.x0}px`,
      top: `${w.y0}px`,
      width: `${w.x1 - w.x0}px`,
      height: `${w.y1 - w.y0}px`,
      'background-size': `${cell}px ${cell}px`,
      'background-position': `${-w.x0 - cell / 2}px ${-w.y0 - cell / 2}px`,
    };
  };

  const box = () => {
    const g = gesture();
    if (g?.kind !== 'box') return null;
    return { x: Math.min(g.start.x, g.now.x), y: Math.min(g.start.y, g.now.y), w: Math.abs(g.now.x - g.start.x), h: Math.abs(g.now.y - g.start.y) };
  };

  return (
    <div
      ref={host}
      class="graph-canvas"
      data-testid="graph-canvas"
      tabIndex={0}
      onWheel={onWheel}
      onPointerDown={onBackgroundDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onDblClick={(e) => {
        // A double press on a group title renames it; pointer capture sends its dblclick here.
        if (e.target !== e.currentTarget || e.timeStamp - lastTitlePress.at < DOUBLE_PRESS_MS) return;
        props.onOpenPalette(toWorld(e.clientX, e.clientY));
      }}
    >
      {/*
        Pan moves the outer layer; zoom is CSS zoom on the inner one, not scale(): the browser keeps
        its paint while a pan stays within some hundreds of layer pixels, and with scale(0.1)
        those would be ten times fewer screen pixels (a full repaint every few frames).
      */}
      <div class="graph-layer" style={{ transform: `translate(${props.viewport().x}px, ${props.viewport().y}px)` }}>
        <div class="graph-world" style={{ zoom: zoom(), '--zoom': zoom() }}>
          <div class="graph-floor" style={floorStyle()} />
          <For each={visibleGroups()}>
            {(group) => (
              <GroupFrame
                id={group.id}
                label={group.label}
                color={groupColor(group)}
                bounds={frames().get(group.id) ?? { x: 0, y: 0, width: 0, height: 0 }}
                zoom={zoom()}
                editing={renaming() === group.id}
                onTitleDown={(e) => onGroupTitleDown(e, group.id)}
                onRename={(label) => finishRename(group.id, label)}
              />
            )}
          </For>
          <svg class="graph-edges" width="1" height="1">
            <For each={edges()}>
              {(edge) => (
                <path
                  d={edge.d}
                  stroke={edge.color}
                  class="graph-edge"
                  classList={{ selected: selectedEdge() === edge.id }}
                  data-edge={edge.id}
                  onPointerDown={(e) => {
                    e.stopPropagation();
                    setSelectedEdge(edge.id);
                    props.setSelected(new Set<string>());
                  }}
                />
              )}
            </For>
            <Show when={gesture()?.kind === 'connect' ? (gesture() as Extract<Gesture, { kind: 'connect' }>) : null}>
              {(g) => <path d={edgePath(g().anchor, g().now)} class="graph-edge pending" />}
            </Show>
          </svg>
          <Show
            when={zoom() >= DETAIL_ZOOM}
            fallback={
              <GraphLodNodes
                ids={visibleNodeIds()}
                trackNode={trackNode}
                heightOf={heightOf}
                zoom={zoom()}
                titleOf={titleOf}
                isSelected={(id) => props.selected().has(id)}
                stateOf={(id) => props.nodeState?.(id)?.state}
                onDown={onNodeDown}
              />
            }
          >
            <For each={visibleNodeIds()}>
              {(id) => {
                const node = trackNode(id);
                // The body is rebuilt when what it shows changes, not when the node only moves.
                const content = createMemo(node, undefined, { equals: (a, b) => a !== undefined && a.params === b.params && a.kind === b.kind && a.label === b.label });
                return (
                  <GraphNodeView
                    node={node()}
                    layout={layouts().get(id)!}
                    title={titleOf(content())}
                    ariaLabel={content().label ?? props.registry.get(content().kind)?.title ?? content().kind}
                    selected={props.selected().has(id)}
                    state={props.nodeState?.(id)}
                    body={props.renderBody?.(content())}
                    measure={props.sizes.observe}
                    onDown={(e) => onNodeDown(e, node())}
                    onOutputDown={(e, i) => onOutputDown(e, node(), i)}
                  />
                );
              }}
            </For>
          </Show>
          <Show when={box()}>{(b) => <div class="graph-box" style={{ left: `${b().x}px`, top: `${b().y}px`, width: `${b().w}px`, height: `${b().h}px` }} />}</Show>
        </div>
      </div>
    </div>
  );
}

/** The viewport that shows every node, with a margin. */
export function fitViewport(graph: Graph, sizeOf: (node: GraphNode) => NodeSize, width: number, height: number): Viewport {
  if (!graph.nodes.length) return { x: width / 2, y: height / 2, zoom: 1 };
  const bounds = boundsOf(graph.nodes.map((n) => ({ x0: n.position.x, y0: n.position.y, x1: n.position.x + sizeOf(n).width, y1: n.position.y + sizeOf(n).height })))!;
  const x0 = bounds.x0 - 40;
  const y0 = bounds.y0 - 40;
  const x1 = bounds.x1 + 40;
  const y1 = bounds.y1 + 40;
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.min(width / (x1 - x0), height / (y1 - y0), 1.2)));
  return { zoom, x: (width - (x1 - x0) * zoom) / 2 - x0 * zoom, y: (height - (y1 - y0) * zoom) / 2 - y0 * zoom };
}
