import type { Graph, GraphNode } from './graph-types';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room around the member nodes; the top is taller for the frame's title bar. */
export const GROUP_PADDING = { side: 24, top: 44, bottom: 24 } as const;

/**
 * Each group's frame: the bounds of its nodes plus padding, in graph coordinates. Groups without
 * nodes have no frame. One pass over the nodes, so it can run on every drag step of a big graph.
 */
export function groupBounds(graph: Graph, sizeOf: (node: GraphNode) => { width: number; height: number }): Map<string, Rect> {
  const extents = new Map<string, { x0: number; y0: number; x1: number; y1: number }>();
  for (const node of graph.nodes) {
    if (node.group === undefined) continue;
    const { width, height } = sizeOf(node);
    const { x, y } = node.position;
    const e = extents.get(node.group);
    if (!e) extents.set(node.group, { x0: x, y0: y, x1: x + width, y1: y + height });
    else {
      e.x0 = Math.min(e.x0, x);
      e.y0 = Math.min(e.y0, y);
      e.x1 = Math.max(e.x1, x + width);
      e.y1 = Math.max(e.y1, y + height);
    }
  }
  const frames = new Map<string, Rect>();
  for (const group of graph.groups) {
    const e = extents.get(group.id);
    if (!e) continue;
    frames.set(group.id, {
      x: e.x0 - GROUP_PADDING.side,
      y: e.y0 - GROUP_PADDING.top,
      width: e.x1 - e.x0 + 2 * GROUP_PADDING.side,
      height: e.y1 - e.y0 + GROUP_PADDING.top + GROUP_PADDING.bottom,
    });
  }
  return frames;
}

/** Ids of a group's nodes, in graph order. */
export function membersOf(graph: Graph, groupId: string): string[] {
  return graph.nodes.filter((n) => n.group === groupId).map((n) => n.id);
}

/** A group's colour: its own, else one of a few that stay apart on the dark canvas, picked from its id. */
export const GROUP_COLORS = ['#5fb3ff', '#f5b94a', '#5fd38d', '#b28cff', '#ff8fb1', '#7be0c3'] as const;
export function groupColor(group: { id: string; color?: string }): string {
  if (group.color) return group.color;
  let h = 0;
  for (let i = 0; i < group.id.length; i++) h = (h * 31 + group.id.charCodeAt(i)) | 0;
  return GROUP_COLORS[Math.abs(h) % GROUP_COLORS.length]!;
}
