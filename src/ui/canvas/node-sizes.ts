import { createSignal, onCleanup } from 'solid-js';

export interface MeasuredNode {
  id: string;
  /** The height measured last time, if any. */
  before: number | undefined;
  after: number;
}

/**
 * Node heights as drawn. A node's picture, waveform, progress or error text makes it as tall as
 * the DOM lays it out; the canvas reads these for hit boxes, group frames, the minimap, tidy and
 * overlap checks. ResizeObserver reports border boxes in the node's own units, whatever the CSS
 * zoom of the canvas, so they are graph units. Nodes outside the render window keep their last height.
 */
export function createNodeSizes() {
  const listeners = new Set<(changes: MeasuredNode[]) => void>();
  const [heights, setHeights] = createSignal<ReadonlyMap<string, number>>(new Map());
  const observer = new ResizeObserver((entries) => {
    const next = new Map(heights());
    const changes: MeasuredNode[] = [];
    for (const entry of entries) {
      const id = (entry.target as HTMLElement).dataset.nodeId;
      const after = Math.round(entry.borderBoxSize[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight);
      if (!id || !after || next.get(id) === after) continue; // 0: detached or not laid out
      changes.push({ id, before: next.get(id), after });
      next.set(id, after);
    }
    if (!changes.length) return;
    setHeights(next);
    for (const listener of listeners) listener(changes);
  });
  onCleanup(() => observer.disconnect());
  return {
    heights,
    /** Watches a node element (its `data-node-id` names it) until the current owner is cleaned up. */
    observe(el: HTMLElement) {
      observer.observe(el);
      onCleanup(() => observer.unobserve(el));
    },
    /** Calls back with the nodes whose height changed, one batch per layout; until the current owner is cleaned up. */
    listen(listener: (changes: MeasuredNode[]) => void) {
      listeners.add(listener);
      onCleanup(() => listeners.delete(listener));
    },
  };
}

export type NodeSizes = ReturnType<typeof createNodeSizes>;
