import type { Graph, GraphEdge, GraphNode, NodePosition } from './graph-types';
import { GROUP_PADDING, groupBounds } from './group-bounds';
import { defaultKindRegistry, type KindRegistry } from './kind-registry';
import { boxesIntersect, portOffsetsOf, type NodeBox, type NodeSize } from './node-geometry';
import { resolveOverlaps } from './resolve-overlaps';
import { topologyOf } from './topology';

export interface TidySpacing {
  /** Between columns. */
  column: number;
  /** Between nodes of one column. */
  row: number;
}

export const TIDY_SPACING: TidySpacing = { column: 90, row: 36 };

/** Reordering passes; small graphs settle in two or three, the best one found is kept. */
const SWEEPS = 8;

/**
 * Lays the graph out left to right: a column per dependency depth (a node sits one column right of
 * its deepest input; a node with no inputs sits just left of its first consumer), rows ordered by
 * the barycentre of their neighbours to cut edge crossings, each node level with its inputs where
 * there is room, spaced by its real size. Members of a group stay together in their columns and
 * no other node is left inside a group's frame. The layout starts where the graph's top-left was.
 * Returns the new position of every node that moves (one `moveNodes`, one undo step).
 */
export function tidyLayout(graph: Graph, sizeOf: (node: GraphNode) => NodeSize, registry: KindRegistry = defaultKindRegistry, spacing: TidySpacing = TIDY_SPACING): Record<string, NodePosition> {
  if (!graph.nodes.length) return {};
  const topo = topologyOf(graph);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const sizes = new Map(graph.nodes.map((n) => [n.id, sizeOf(n)]));
  const ports = new Map(graph.nodes.map((n) => [n.id, portOffsetsOf(n, registry)]));
  const edges = graph.edges.filter((e) => nodes.has(e.from) && nodes.has(e.to) && e.from !== e.to);
  const incoming = (id: string) => topo.incoming.get(id) ?? [];
  const outgoing = (id: string) => topo.outgoing.get(id) ?? [];

  const depth = depthsOf(graph, topo.order, incoming, outgoing);
  const columns: string[][] = [];
  for (const node of [...graph.nodes].sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x)) (columns[depth.get(node.id)!] ??= []).push(node.id);
  const filled = columns.filter(Boolean);

  const origin = { x: Math.min(...graph.nodes.map((n) => n.position.x)), y: Math.min(...graph.nodes.map((n) => n.position.y)) };
  const columnX: number[] = [];
  filled.forEach((column, c) => (columnX[c] = c === 0 ? origin.x : columnX[c - 1]! + Math.max(...filled[c - 1]!.map((id) => sizes.get(id)!.width)) + spacing.column));
  const groupOf = (id: string) => nodes.get(id)!.group;
  // A group's title bar and padding need room between its members and the nodes around them.
  const gapBetween = (a: string, b: string) => {
    const [ga, gb] = [groupOf(a), groupOf(b)];
    return spacing.row + (ga !== gb ? (ga ? GROUP_PADDING.bottom : 0) + (gb ? GROUP_PADDING.top : 0) : 0);
  };
  const edgeEnds = (e: GraphEdge, at: ReadonlyMap<string, NodePosition>) => ({
    from: { x: at.get(e.from)!.x + sizes.get(e.from)!.width, y: at.get(e.from)!.y + ports.get(e.from)!.output(e.fromPort) },
    to: { x: at.get(e.to)!.x, y: at.get(e.to)!.y + ports.get(e.to)!.input(e.toPort) },
  });

  /** Each column top to bottom in its order; a node level with its inputs (or, lacking any, its consumers last time) when there is room. */
  const place = (order: string[][], previous: ReadonlyMap<string, NodePosition> | null) => {
    const at = new Map<string, NodePosition>();
    order.forEach((column, c) => {
      let cursor = origin.y;
      column.forEach((id, i) => {
        if (i > 0) cursor += gapBetween(column[i - 1]!, id);
        const feeding = incoming(id).filter((e) => at.has(e.from));
        const fed = previous ? outgoing(id).filter((e) => previous.has(e.to)) : [];
        const wanted = feeding.length
          ? mean(feeding.map((e) => at.get(e.from)!.y + ports.get(e.from)!.output(e.fromPort) - ports.get(id)!.input(e.toPort)))
          : fed.length
            ? mean(fed.map((e) => previous!.get(e.to)!.y + ports.get(e.to)!.input(e.toPort) - ports.get(id)!.output(e.fromPort)))
            : cursor;
        const y = Math.round(Math.max(cursor, wanted));
        at.set(id, { x: columnX[c]!, y });
        cursor = y + sizes.get(id)!.height;
      });
    });
    // Following consumers that follow their inputs can drift down as a whole: keep the top where it was.
    const drift = Math.min(...[...at.values()].map((p) => p.y)) - origin.y;
    if (drift) for (const [id, p] of at) at.set(id, { x: p.x, y: p.y - drift });
    return at;
  };

  /** A column sorted by where its neighbours' ports are (or where it is), a group's members kept together. */
  const reorder = (column: string[], at: ReadonlyMap<string, NodePosition>, by: 'inputs' | 'outputs' | 'self') => {
    const key = new Map(
      column.map((id) => {
        const ys = by === 'inputs' ? incoming(id).map((e) => edgeEnds(e, at).from.y) : by === 'outputs' ? outgoing(id).map((e) => edgeEnds(e, at).to.y) : [];
        return [id, ys.length ? mean(ys) : at.get(id)!.y + sizes.get(id)!.height / 2];
      }),
    );
    const groupKey = new Map<string, number>();
    for (const id of column) {
      const g = groupOf(id);
      if (g && !groupKey.has(g)) groupKey.set(g, mean(column.filter((m) => groupOf(m) === g).map((m) => key.get(m)!)));
    }
    const blockKey = (id: string) => (groupOf(id) ? groupKey.get(groupOf(id)!)! : key.get(id)!);
    return [...column].sort((a, b) => blockKey(a) - blockKey(b) || key.get(a)! - key.get(b)!);
  };
  /** Placement depends on the last one (a node with no inputs follows its consumers): place until it holds. */
  const settle = (order: string[][], previous: ReadonlyMap<string, NodePosition> | null) => {
    let at = place(order, previous);
    for (let i = 0; i < 4; i++) {
      const next = place(order, at);
      if ([...next].every(([id, p]) => at.get(id)!.y === p.y)) break;
      at = next;
    }
    return at;
  };
  /** One barycentre sweep: column by column, each sorted by the ports of the column before (down) or after (up) as just placed. */
  const sweep = (order: string[][], at: Map<string, NodePosition>, direction: 'down' | 'up') => {
    const next = order.map((column) => [...column]);
    const columns = next.map((_, c) => c);
    for (const c of direction === 'down' ? columns.slice(1) : columns.slice(0, -1).reverse()) {
      next[c] = reorder(next[c]!, at, direction === 'down' ? 'inputs' : 'outputs');
      at = place(next, at);
    }
    return { order: next, at };
  };

  const start = filled.map((column) => reorder(column, place(filled, null), 'self')); // groups together from the start
  let current = { order: start, at: settle(start, null) };
  let best = { ...current, crossings: countCrossings(edges, (e) => edgeEnds(e, current.at)) };
  for (let i = 0; i < SWEEPS && best.crossings > 0; i++) {
    current = sweep(current.order, current.at, i % 2 === 0 ? 'down' : 'up');
    const { at } = current;
    const crossings = countCrossings(edges, (e) => edgeEnds(e, at));
    if (crossings < best.crossings) best = { ...current, crossings };
  }

  const settled = keepGroupsClear(graph, settle(best.order, best.at), sizes, spacing.row);
  const moves: Record<string, NodePosition> = {};
  for (const node of graph.nodes) {
    const p = settled.get(node.id)!;
    if (p.x !== node.position.x || p.y !== node.position.y) moves[node.id] = p;
  }
  return moves;
}

/**
 * Column of each node: one right of its deepest input. A node with no inputs moves right to just
 * before its nearest consumer, so a prompt sits next to the step it feeds, not at the far left.
 */
function depthsOf(
  graph: Graph,
  order: readonly string[] | null,
  incoming: (id: string) => readonly GraphEdge[],
  outgoing: (id: string) => readonly GraphEdge[],
): Map<string, number> {
  const depth = new Map<string, number>();
  // A cycle (only possible in a damaged file) has no order: graph order, inputs seen so far.
  for (const id of order ?? graph.nodes.map((n) => n.id)) {
    const from = incoming(id).flatMap((e) => (depth.has(e.from) ? [depth.get(e.from)! + 1] : []));
    depth.set(id, from.length ? Math.max(...from) : 0);
  }
  for (const node of graph.nodes) {
    const consumers = outgoing(node.id).map((e) => depth.get(e.to)!);
    if (!incoming(node.id).length && consumers.length) depth.set(node.id, Math.max(0, Math.min(...consumers) - 1));
  }
  return depth;
}

/**
 * Pushes nodes out of the frames of groups they are not in (a frame spans columns where only
 * some have its members). A node above a frame's middle pushes the group down; one below moves
 * down under the frame. Everything only moves down, so it settles.
 */
function keepGroupsClear(graph: Graph, start: ReadonlyMap<string, NodePosition>, sizes: ReadonlyMap<string, NodeSize>, gap: number): Map<string, NodePosition> {
  const at = new Map(start);
  const groupOf = new Map(graph.nodes.map((n) => [n.id, n.group]));
  const boxes = () => graph.nodes.map((n): NodeBox => ({ id: n.id, ...at.get(n.id)!, ...sizes.get(n.id)! }));
  const moved = () => ({ ...graph, nodes: graph.nodes.map((n) => ({ ...n, position: at.get(n.id)! })) });
  const push = (ids: string[], dy: number) => {
    for (const id of ids) at.set(id, { x: at.get(id)!.x, y: at.get(id)!.y + dy });
    for (const [id, p] of Object.entries(resolveOverlaps(boxes(), ids, gap))) at.set(id, p);
  };
  for (let round = 0; round < graph.nodes.length * Math.max(1, graph.groups.length); round++) {
    const frames = groupBounds(moved(), (n) => sizes.get(n.id)!);
    const intrusion = graph.groups.flatMap((group) => {
      const f = frames.get(group.id);
      if (!f) return [];
      const frame: NodeBox = { id: group.id, ...f };
      const inside = boxes().find((b) => groupOf.get(b.id) !== group.id && boxesIntersect(frame, b));
      return inside ? [{ group: group.id, frame, node: inside }] : [];
    })[0];
    if (!intrusion) break;
    const { frame, node } = intrusion;
    if (node.y + node.height / 2 < frame.y + frame.height / 2) {
      const members = graph.nodes.filter((n) => n.group === intrusion.group).map((n) => n.id);
      push(members, node.y + node.height + gap - frame.y);
    } else push([node.id], frame.y + frame.height + gap - node.y);
  }
  return at;
}

/** Edges drawn as straight lines between their ports that cross another (sharing an end is not a crossing). */
export function countCrossings(edges: readonly GraphEdge[], endsOf: (edge: GraphEdge) => { from: NodePosition; to: NodePosition }): number {
  const segments = edges.map((e) => ({ e, ...endsOf(e) }));
  let crossings = 0;
  for (let i = 0; i < segments.length; i++)
    for (let j = i + 1; j < segments.length; j++) {
      const a = segments[i]!;
      const b = segments[j]!;
      if (a.e.from === b.e.from || a.e.to === b.e.to || a.e.from === b.e.to || a.e.to === b.e.from) continue;
      if (segmentsCross(a.from, a.to, b.from, b.to)) crossings++;
    }
  return crossings;
}

function segmentsCross(p1: NodePosition, p2: NodePosition, p3: NodePosition, p4: NodePosition): boolean {
  const d = (a: NodePosition, b: NodePosition, c: NodePosition) => (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  const d1 = d(p3, p4, p1);
  const d2 = d(p3, p4, p2);
  const d3 = d(p1, p2, p3);
  const d4 = d(p1, p2, p4);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;
