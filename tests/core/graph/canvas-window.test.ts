import { describe, expect, it } from 'vitest';
import { contains, intersects, nextRenderWindow, boundsOf, overviewRenderWindow } from '../../../src/core/graph/canvas-window';

describe('canvas render window', () => {
  const view = { x0: 0, y0: 0, x1: 1000, y1: 600 };

  it('is the view plus half a view on each side', () => {
    expect(nextRenderWindow(undefined, view)).toEqual({ x0: -500, y0: -300, x1: 1500, y1: 900 });
  });

  it('stays the same object while the view pans inside it, so nothing re-renders', () => {
    const first = nextRenderWindow(undefined, view);
    expect(nextRenderWindow(first, { x0: 400, y0: 200, x1: 1400, y1: 800 })).toBe(first);
    expect(nextRenderWindow(first, { x0: -500, y0: -300, x1: 500, y1: 300 })).toBe(first);
  });

  it('moves when the view leaves it, and shrinks after a zoom-in', () => {
    const first = nextRenderWindow(undefined, view);
    expect(nextRenderWindow(first, { x0: 600, y0: 0, x1: 1600, y1: 600 })).toEqual({ x0: 100, y0: -300, x1: 2100, y1: 900 });
    expect(nextRenderWindow(first, { x0: 0, y0: 0, x1: 100, y1: 60 })).toEqual({ x0: -50, y0: -30, x1: 150, y1: 90 });
  });

  it('tests containment and overlap of rectangles', () => {
    expect(contains(view, { x0: 10, y0: 10, x1: 20, y1: 20 })).toBe(true);
    expect(contains(view, { x0: 10, y0: 10, x1: 2000, y1: 20 })).toBe(false);
    expect(intersects(view, { x0: 990, y0: 590, x1: 2000, y1: 2000 })).toBe(true);
    expect(intersects(view, { x0: 1000, y0: 0, x1: 2000, y1: 600 })).toBe(false);
  });
});

describe('overviewRenderWindow', () => {
  const graph = { x0: 0, y0: 0, x1: 25_000, y1: 4_000 };
  const view = (x: number) => ({ x0: x, y0: -1_000, x1: x + 14_000, y1: 8_000 });

  it('covers the whole graph and the view, and stays put while the view pans inside it', () => {
    const first = overviewRenderWindow(undefined, view(0), graph);
    expect(first.x0).toBeLessThanOrEqual(0);
    expect(first.x1).toBeGreaterThanOrEqual(25_000);
    let current = first;
    for (let x = 0; x <= 11_000; x += 500) current = overviewRenderWindow(current, view(x), graph);
    expect(current).toBe(first);
  });

  it('moves when the view leaves it or the graph grows past it', () => {
    const first = overviewRenderWindow(undefined, view(0), graph);
    expect(overviewRenderWindow(first, view(40_000), graph)).not.toBe(first);
    expect(overviewRenderWindow(first, view(0), { ...graph, x1: 90_000 }).x1).toBeGreaterThanOrEqual(90_000);
    expect(boundsOf([])).toBeNull();
    expect(boundsOf([{ x0: 1, y0: 2, x1: 3, y1: 4 }, { x0: -1, y0: 5, x1: 2, y1: 9 }])).toEqual({ x0: -1, y0: 2, x1: 3, y1: 9 });
  });
});
