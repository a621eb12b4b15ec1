import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { connect, disconnect, moveNodes, removeNodes } from '../../core/graph/graph-edits';
import type { Graph, GraphNode, NodePosition } from '../../core/graph/graph-types';
import type { KindRegistry } from '../../core/graph/kind-registry';
import type { GraphHistory } from './graph-history';
import { edgePath, HEADER, inputAnchor, layoutOf, NODE_WIDTH, outputAnchor, PORT_COLORS, ROW } from './node-layout';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface GraphCanvasProps {
  history: GraphHistory;
  registry: KindRegistry;
  selected: () => ReadonlySet<string>;
  setSelected: (ids: ReadonlySet<string>) => void;
  viewport: () => Viewport;
  setViewport: (v: Viewport) => void;
  onOpenPalette: (at: NodePosition) => void;
  onError: (message: string) => void;
  /** Per-node run state shown on the node (idle, queued, running 40%, done, error). */
  nodeState?: (id: string) => { state: string; progress?: number; message?: string } | undefined;
  /** Node body: a thumbnail, a player, a waveform… */
  renderBody?: (node: GraphNode) => unknown;
}

type Gesture =
  | { kind: 'pan'; start: { x: number; y: number }; from: Viewport }
  | { kind: 'drag'; start: NodePosition; origins: Map<string, NodePosition>; key: string }
  | { kind: 'box'; start: NodePosition; now: NodePosition; additive: boolean }
  | { kind: 'connect'; from: string; fromPort: string; anchor: NodePosition; now: NodePosition };

const MIN_ZOOM = 0.1;
const MAX_ZOOM = 2.5;

/**
 * The node canvas: pan (drag the background, wheel), zoom (ctrl/⌘ + wheel or pinch, + and −),
 * drag nodes (one undo step per drag), connect typed ports (refusals say why), click and box
 * select (shift adds). Nodes and edges live in one transformed layer, so panning re-renders nothing.
 */
export function GraphCanvas(props: GraphCanvasProps) {
  let host!: HTMLDivElement;
  const [gesture, setGesture] = createSignal<Gesture | null>(null);
  const [selectedEdge, setSelectedEdge] = createSignal<string | null>(null);
  const graph = () => props.history.graph();
  const nodeById = createMemo(() => new Map(graph().nodes.map((n) => [n.id, n])));
  const layouts = createMemo(() => new Map(graph().nodes.map((n) => [n.id, layoutOf(n, props.registry)])));
  const [hostSize, setHostSize] = createSignal({ width: 1600, height: 1000 });
  onMount(() => {
    const observer = new ResizeObserver(() => setHostSize({ width: host.clientWidth, height: host.clientHeight }));
    observer.observe(host);
    onCleanup(() => observer.disconnect());
  });
  /**
   * Only nodes on screen (with a margin) are in the DOM: a big graph then costs what a small one
   * does to paint while panning. Selected nodes stay, so a drag never loses its node.
   */
  const visibleNodes = createMemo(() => {
    const v = props.viewport();
    const { width, height } = hostSize();
    const margin = 300 / v.zoom;
    const x0 = -v.x / v.zoom - margin;
    const y0 = -v.y / v.zoom - margin;
    const x1 = (width - v.x) / v.zoom + margin;
    const y1 = (height - v.y) / v.zoom + margin;
    const selected = props.selected();
    return graph().nodes.filter(
      (n) => selected.has(n.id) || (n.position.x < x1 && n.position.x + NODE_WIDTH > x0 && n.position.y < y1 && n.position.y + layouts().get(n.id)!.height > y0),
    );
  });
  const visibleIds = createMemo(() => new Set(visibleNodes().map((n) => n.id)));

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
    const v = props.viewport();
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.zoom * factor));
    const rect = host.getBoundingClientRect();
    const px = clientX - rect.left;
    const py = clientY - rect.top;
    props.setViewport({ zoom, x: px - ((px - v.x) * zoom) / v.zoom, y: py - ((py - v.y) * zoom) / v.zoom });
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
    if (e.shiftKey) {
      const at = toWorld(e.clientX, e.clientY);
      setGesture({ kind: 'box', start: at, now: at, additive: true });
    } else {
      if (props.selected().size) props.setSelected(new Set<string>());
      setGesture({ kind: 'pan', start: { x: e.clientX, y: e.clientY }, from: props.viewport() });
    }
  };

  const onNodeDown = (e: PointerEvent, node: GraphNode) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    host.setPointerCapture(e.pointerId);
    let selection = props.selected();
    if (e.shiftKey) {
      const next = new Set(selection);
      if (next.has(node.id)) next.delete(node.id);
      else next.add(node.id);
      props.setSelected(next);
      return;
    }
    if (!selection.has(node.id)) props.setSelected((selection = new Set([node.id])));
    const origins = new Map([...selection].flatMap((id) => (nodeById().get(id) ? [[id, { ...nodeById().get(id)!.position }] as const] : [])));
    setGesture({ kind: 'drag', start: toWorld(e.clientX, e.clientY), origins, key: `drag:${Date.now()}` });
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
    if (g.kind === 'pan') props.setViewport({ ...g.from, x: g.from.x + e.clientX - g.start.x, y: g.from.y + e.clientY - g.start.y });
    else if (g.kind === 'box') setGesture({ ...g, now: toWorld(e.clientX, e.clientY) });
    else if (g.kind === 'connect') setGesture({ ...g, now: toWorld(e.clientX, e.clientY) });
    else if (g.kind === 'drag') {
      const at = toWorld(e.clientX, e.clientY);
      const dx = at.x - g.start.x;
      const dy = at.y - g.start.y;
      const moves: Record<string, NodePosition> = {};
      for (const [id, p] of g.origins) moves[id] = { x: Math.round(p.x + dx), y: Math.round(p.y + dy) };
      props.history.apply(moveNodes(graph(), moves), g.key);
    }
  };

  const onUp = (e: PointerEvent) => {
    const g = gesture();
    setGesture(null);
    if (!g) return;
    if (g.kind === 'drag') props.history.seal();
    if (g.kind === 'box') {
      const [x0, x1] = [Math.min(g.start.x, g.now.x), Math.max(g.start.x, g.now.x)];
      const [y0, y1] = [Math.min(g.start.y, g.now.y), Math.max(g.start.y, g.now.y)];
      const hits = graph().nodes.filter((n) => n.position.x < x1 && n.position.x + NODE_WIDTH > x0 && n.position.y < y1 && n.position.y + layouts().get(n.id)!.height > y0);
      props.setSelected(new Set([...(g.additive ? props.selected() : []), ...hits.map((n) => n.id)]));
    }
    if (g.kind === 'connect') {
      const target = (document.elementFromPoint(e.clientX, e.clientY) as HTMLElement | null)?.closest<HTMLElement>('[data-input-port]');
      if (!target) return;
      const result = connect(graph(), { from: g.from, fromPort: g.fromPort, to: target.dataset.node!, toPort: target.dataset.inputPort! }, props.registry);
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
      onDblClick={(e) => e.target === e.currentTarget && props.onOpenPalette(toWorld(e.clientX, e.clientY))}
      style={{ '--grid': `${20 * props.viewport().zoom}px`, 'background-position': `${props.viewport().x}px ${props.viewport().y}px` }}
    >
      <div class="graph-layer" style={{ transform: `translate(${props.viewport().x}px, ${props.viewport().y}px) scale(${props.viewport().zoom})` }}>
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
        <For each={visibleNodes()}>
          {(node) => {
            const layout = () => layouts().get(node.id)!;
            const def = props.registry.get(node.kind);
            const state = () => props.nodeState?.(node.id);
            return (
              <div
                class="graph-node"
                classList={{ selected: props.selected().has(node.id), [`state-${state()?.state ?? 'idle'}`]: true }}
                data-node-id={node.id}
                data-testid="graph-node"
                aria-label={node.label ?? def?.title ?? node.kind}
                style={{ transform: `translate(${node.position.x}px, ${node.position.y}px)`, width: `${NODE_WIDTH}px`, height: `${layout().height}px` }}
                onPointerDown={(e) => onNodeDown(e, node)}
              >
                <div class="graph-node-header" style={{ height: `${HEADER}px` }}>
                  <span class="graph-node-title">{node.label ?? def?.title ?? `Unknown: ${node.kind}`}</span>
                  <Show when={state()}>
                    {(s) => (
                      <span class={`node-badge ${s().state}`} title={s().message}>
                        {s().state === 'running' && s().progress !== undefined ? `${Math.round(s().progress! * 100)}%` : s().state}
                      </span>
                    )}
                  </Show>
                </div>
                <For each={layout().inputs}>
                  {(port, i) => (
                    <div class="graph-port input" style={{ top: `${HEADER + i() * ROW}px`, height: `${ROW}px` }} data-input-port={port.name} data-node={node.id} title={`${port.label}: accepts ${port.accepts.join(', ')}`}>
                      <span class="port-dot" style={{ background: PORT_COLORS[port.accepts[0]!] }} />
                      <span>{port.label}</span>
                    </div>
                  )}
                </For>
                <For each={layout().outputs}>
                  {(port, i) => (
                    <div class="graph-port output" style={{ top: `${HEADER + i() * ROW}px`, height: `${ROW}px` }} data-output-port={port.name} title={`${port.label}: ${port.type}`}>
                      <span>{port.label}</span>
                      <span class="port-dot" style={{ background: PORT_COLORS[port.type] }} onPointerDown={(e) => onOutputDown(e, node, i())} data-testid={`out-${node.id}-${port.name}`} />
                    </div>
                  )}
                </For>
                <div class="graph-node-body">{(props.renderBody?.(node) as never) ?? <Show when={state()?.state === 'error'}><span class="error-text">{state()!.message}</span></Show>}</div>
              </div>
            );
          }}
        </For>
        <Show when={box()}>{(b) => <div class="graph-box" style={{ transform: `translate(${b().x}px, ${b().y}px)`, width: `${b().w}px`, height: `${b().h}px` }} />}</Show>
      </div>
    </div>
  );
}

/** The viewport that shows every node, with a margin. */
export function fitViewport(graph: Graph, registry: KindRegistry, width: number, height: number): Viewport {
  if (!graph.nodes.length) return { x: width / 2, y: height / 2, zoom: 1 };
  const xs = graph.nodes.map((n) => n.position.x);
  const ys = graph.nodes.map((n) => n.position.y);
  const x0 = Math.min(...xs) - 40;
  const y0 = Math.min(...ys) - 40;
  const x1 = Math.max(...xs) + NODE_WIDTH + 40;
  const y1 = Math.max(...graph.nodes.map((n) => n.position.y + layoutOf(n, registry).height)) + 40;
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.min(width / (x1 - x0), height / (y1 - y0), 1.2)));
  return { zoom, x: (width - (x1 - x0) * zoom) / 2 - x0 * zoom, y: (height - (y1 - y0) * zoom) / 2 - y0 * zoom };
}
