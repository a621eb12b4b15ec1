import type { NodePosition } from './graph-types';
import type { NodeBox } from './node-geometry';

/** Room left between a node and the one it pushed down. */
export const PUSH_GAP = 24;

/**
 * Moves nodes down, out of the way of nodes that grew (a picture or an error appeared), so that no
 * two overlap. Only what a grown node reaches moves: a node it now covers goes below it, which
 * may push the node under that one, and so on down the column. Nodes keep their vertical order
 * and their x; nobody moves up. Returns the new positions of the nodes that moved.
 *
 * @example
 * resolveOverlaps([{ id: 'a', x: 0, y: 0, width: 220, height: 300 }, { id: 'b', x: 0, y: 200, width: 220, height: 80 }], ['a']);
 * // { b: { x: 0, y: 324 } }
 */
export function resolveOverlaps(boxes: readonly NodeBox[], grown: Iterable<string>, gap = PUSH_GAP): Record<string, NodePosition> {
  const pushers = new Set(grown);
  // Top to bottom, so a node is settled before anything under it is looked at.
  const placed = boxes.map((b) => ({ ...b })).sort((a, b) => a.y - b.y || a.x - b.x);
  const moves: Record<string, NodePosition> = {};
  for (let i = 0; i < placed.length; i++) {
    const box = placed[i]!;
    const start = box.y;
    // A node that moves must not land on any node settled before it; one that has not moved only
    // gives way to pushers. Repeat until nothing covers it.
    for (let again = true; again; ) {
      again = false;
      for (let j = 0; j < i; j++) {
        const above = placed[j]!;
        if (!(pushers.has(above.id) || box.y !== start) || !sameColumn(above, box)) continue;
        if (above.y < box.y + box.height && box.y < above.y + above.height) {
          box.y = above.y + above.height + gap;
          again = true;
        }
      }
    }
    if (box.y !== start) {
      pushers.add(box.id);
      moves[box.id] = { x: box.x, y: box.y };
    }
  }
  return moves;
}

/** Boxes that share some width: one can land on the other by moving down. */
function sameColumn(a: NodeBox, b: NodeBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width;
}
