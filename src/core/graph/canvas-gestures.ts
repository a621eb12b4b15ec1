import type { NodePosition } from './graph-types';

/**
 * The canvas's pointer gestures as a pure state machine: a press starts a gesture, moves update
 * it, a release ends it, and each step says what changes (viewport, node positions, selection, a
 * connection to try). The component only translates pointer events and applies the results, so
 * every rule here is tested in Node.
 */

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export type Gesture =
  | { kind: 'pan'; start: NodePosition; from: Viewport }
  | { kind: 'drag'; start: NodePosition; origins: ReadonlyMap<string, NodePosition>; key: string }
  | { kind: 'box'; start: NodePosition; now: NodePosition; additive: boolean }
  | { kind: 'connect'; from: string; fromPort: string; anchor: NodePosition; now: NodePosition };

/** Where a pointer is: on screen (client pixels) and in the graph (world units). */
export interface PointerAt {
  client: NodePosition;
  world: NodePosition;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 2.5;

/** A press on the empty background: Shift starts a box selection that adds; otherwise a pan that clears the selection. */
export function pressBackground(at: PointerAt, shift: boolean, viewport: Viewport): { gesture: Gesture; clearSelection: boolean } {
  return shift
    ? { gesture: { kind: 'box', start: at.world, now: at.world, additive: true }, clearSelection: false }
    : { gesture: { kind: 'pan', start: at.client, from: viewport }, clearSelection: true };
}

/**
 * A press on a node: Shift toggles it in the selection (no drag); otherwise it drags the selection
 * if the node is in it, or selects just the node and drags it.
 */
export function pressNode(
  nodeId: string,
  shift: boolean,
  selection: ReadonlySet<string>,
  at: PointerAt,
  positionOf: (id: string) => NodePosition | undefined,
  key: string,
): { selection: ReadonlySet<string>; gesture: Gesture | null } {
  if (shift) {
    const next = new Set(selection);
    if (next.has(nodeId)) next.delete(nodeId);
    else next.add(nodeId);
    return { selection: next, gesture: null };
  }
  const dragged = selection.has(nodeId) ? selection : new Set([nodeId]);
  return { selection: dragged, gesture: startDrag(dragged, at, positionOf, key) };
}

/** Drags these nodes from where they are now; `key` makes every move of the drag one undo step. */
export function startDrag(ids: Iterable<string>, at: PointerAt, positionOf: (id: string) => NodePosition | undefined, key: string): Gesture {
  const origins = new Map<string, NodePosition>();
  for (const id of ids) {
    const p = positionOf(id);
    if (p) origins.set(id, { ...p });
  }
  return { kind: 'drag', start: at.world, origins, key };
}

export type MoveResult =
  | { gesture: Gesture; viewport: Viewport }
  | { gesture: Gesture; moves: Record<string, NodePosition>; key: string }
  | { gesture: Gesture };

/** A pointer move during a gesture: a new viewport (pan), node positions in whole units (drag), or the gesture's new end. */
export function moveGesture(g: Gesture, at: PointerAt): MoveResult {
  switch (g.kind) {
    case 'pan':
      return { gesture: g, viewport: { ...g.from, x: g.from.x + at.client.x - g.start.x, y: g.from.y + at.client.y - g.start.y } };
    case 'drag': {
      const dx = at.world.x - g.start.x;
      const dy = at.world.y - g.start.y;
      const moves: Record<string, NodePosition> = {};
      for (const [id, p] of g.origins) moves[id] = { x: Math.round(p.x + dx), y: Math.round(p.y + dy) };
      return { gesture: g, moves, key: g.key };
    }
    case 'box':
    case 'connect':
      return { gesture: { ...g, now: at.world } };
  }
}

export type ReleaseResult =
  | { kind: 'select'; selection: ReadonlySet<string> }
  | { kind: 'connect'; from: string; fromPort: string }
  | { kind: 'dragged' }
  | { kind: 'none' };

/**
 * The release: a box selects the nodes it touches (added to the selection with Shift), a connect
 * asks to join its port to whatever input is under the pointer, a drag ends its undo step.
 */
export function releaseGesture(g: Gesture, selection: ReadonlySet<string>, boxes: Iterable<{ id: string; x: number; y: number; width: number; height: number }>): ReleaseResult {
  if (g.kind === 'drag') return { kind: 'dragged' };
  if (g.kind === 'connect') return { kind: 'connect', from: g.from, fromPort: g.fromPort };
  if (g.kind !== 'box') return { kind: 'none' };
  const [x0, x1] = [Math.min(g.start.x, g.now.x), Math.max(g.start.x, g.now.x)];
  const [y0, y1] = [Math.min(g.start.y, g.now.y), Math.max(g.start.y, g.now.y)];
  const hits: string[] = [];
  for (const b of boxes) if (b.x < x1 && b.x + b.width > x0 && b.y < y1 && b.y + b.height > y0) hits.push(b.id);
  return { kind: 'select', selection: new Set([...(g.additive ? selection : []), ...hits]) };
}

/** Zooms by `factor` about a point of the canvas (px, py from its top left), which stays where it is. */
export function zoomAbout(v: Viewport, factor: number, px: number, py: number): Viewport {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.zoom * factor));
  return { zoom, x: px - ((px - v.x) * zoom) / v.zoom, y: py - ((py - v.y) * zoom) / v.zoom };
}
