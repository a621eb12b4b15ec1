/** A rectangle in graph coordinates, by its edges. */
export interface WorldRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const contains = (outer: WorldRect, inner: WorldRect) => outer.x0 <= inner.x0 && outer.y0 <= inner.y0 && outer.x1 >= inner.x1 && outer.y1 >= inner.y1;

export const intersects = (a: WorldRect, b: WorldRect) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

/**
 * The part of the graph the canvas keeps in the DOM: the view plus half a view on each side.
 * It stays put while the view is inside it (and is not more than twice as big as needed after a
 * zoom-in), so a pan adds and removes nothing until it has travelled half a screen: a frame that
 * changes the DOM costs the browser a full re-layering, one that only moves a layer costs little.
 */
export function nextRenderWindow(previous: WorldRect | undefined, view: WorldRect): WorldRect {
  const width = view.x1 - view.x0;
  const height = view.y1 - view.y0;
  if (previous && contains(previous, view) && previous.x1 - previous.x0 <= 4 * width && previous.y1 - previous.y0 <= 4 * height) return previous;
  return { x0: view.x0 - width / 2, y0: view.y0 - height / 2, x1: view.x1 + width / 2, y1: view.y1 + height / 2 };
}

/**
 * Zoomed out, the whole graph is cheap to keep (plain boxes in one SVG), and a window that moves
 * would repaint the large floor under it: keep one window over the whole graph and the view, and
 * change it only when the view leaves it or the graph grows past it.
 */
export function overviewRenderWindow(previous: WorldRect | undefined, view: WorldRect, graph: WorldRect | null): WorldRect {
  const around = graph ?? view;
  if (previous && contains(previous, view) && contains(previous, around)) return previous;
  const width = view.x1 - view.x0;
  const height = view.y1 - view.y0;
  return {
    x0: Math.min(around.x0, view.x0) - width,
    y0: Math.min(around.y0, view.y0) - height,
    x1: Math.max(around.x1, view.x1) + width,
    y1: Math.max(around.y1, view.y1) + height,
  };
}

/** The rectangle around every given rectangle, or null for none. */
export function boundsOf(rects: Iterable<WorldRect>): WorldRect | null {
  let out: WorldRect | null = null;
  for (const r of rects) out = out ? { x0: Math.min(out.x0, r.x0), y0: Math.min(out.y0, r.y0), x1: Math.max(out.x1, r.x1), y1: Math.max(out.y1, r.y1) } : { ...r };
  return out;
}
