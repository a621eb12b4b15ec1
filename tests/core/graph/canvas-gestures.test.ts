import { describe, expect, it } from 'vitest';
import { moveGesture, pressBackground, pressNode, releaseGesture, startDrag, zoomAbout, type PointerAt } from '../../../src/core/graph/canvas-gestures';

const at = (x: number, y: number, zoom = 1): PointerAt => ({ client: { x, y }, world: { x: x / zoom, y: y / zoom } });
const positions: Record<string, { x: number; y: number }> = { a: { x: 0, y: 0 }, b: { x: 300, y: 0 }, c: { x: 0, y: 300 } };
const positionOf = (id: string) => positions[id];

describe('canvas pointer gestures', () => {
  it('a press on the background pans (clearing the selection); with Shift it starts an additive box', () => {
    const pan = pressBackground(at(10, 10), false, { x: 5, y: 5, zoom: 1 });
    expect(pan.clearSelection).toBe(true);
    expect(moveGesture(pan.gesture, at(40, 30))).toEqual({ gesture: pan.gesture, viewport: { x: 35, y: 25, zoom: 1 } });
    const box = pressBackground(at(10, 10), true, { x: 0, y: 0, zoom: 1 });
    expect(box).toMatchObject({ clearSelection: false, gesture: { kind: 'box', additive: true } });
  });

  it('a press on a node drags the selection it is in, or only itself; Shift toggles it without a drag', () => {
    const selected = new Set(['a', 'b']);
    const inSelection = pressNode('a', false, selected, at(10, 10), positionOf, 'drag:1');
    expect(inSelection.selection).toBe(selected);
    const outside = pressNode('c', false, selected, at(10, 310), positionOf, 'drag:2');
    expect([...outside.selection]).toEqual(['c']);
    const toggled = pressNode('a', true, selected, at(10, 10), positionOf, 'drag:3');
    expect([...toggled.selection]).toEqual(['b']);
    expect(toggled.gesture).toBeNull();
    expect([...pressNode('c', true, selected, at(0, 0), positionOf, 'k').selection]).toEqual(['a', 'b', 'c']);
  });

  it('a drag moves every dragged node by the pointer’s world distance, in whole units, under one undo key', () => {
    const drag = startDrag(['a', 'b', 'gone'], at(100, 100, 2), positionOf, 'drag:7');
    expect(moveGesture(drag, at(151, 120, 2))).toEqual({ gesture: drag, key: 'drag:7', moves: { a: { x: 26, y: 10 }, b: { x: 326, y: 10 } } });
    expect(releaseGesture(drag, new Set(), [])).toEqual({ kind: 'dragged' });
  });

  it('a box selects the nodes it touches, adding to the selection when started with Shift', () => {
    const boxes = [
      { id: 'a', x: 0, y: 0, width: 200, height: 100 },
      { id: 'b', x: 300, y: 0, width: 200, height: 100 },
      { id: 'c', x: 0, y: 300, width: 200, height: 100 },
    ];
    const box = pressBackground(at(250, 50), true, { x: 0, y: 0, zoom: 1 }).gesture;
    const grown = moveGesture(box, at(150, 350)).gesture;
    expect(releaseGesture(grown, new Set(['b']), boxes)).toEqual({ kind: 'select', selection: new Set(['b', 'a', 'c']) });
    expect(releaseGesture({ ...grown, kind: 'box', additive: false } as never, new Set(['b']), boxes)).toEqual({ kind: 'select', selection: new Set(['a', 'c']) });
  });

  it('a connect follows the pointer and asks, on release, to join its port', () => {
    const connect = { kind: 'connect', from: 'a', fromPort: 'text', anchor: { x: 200, y: 40 }, now: { x: 200, y: 40 } } as const;
    expect(moveGesture(connect, at(260, 90)).gesture).toMatchObject({ now: { x: 260, y: 90 } });
    expect(releaseGesture(connect, new Set(), [])).toEqual({ kind: 'connect', from: 'a', fromPort: 'text' });
  });

  it('zooms about the pointer (that point stays put) within the limits', () => {
    const v = zoomAbout({ x: 0, y: 0, zoom: 1 }, 2, 100, 50);
    expect(v).toEqual({ zoom: 2, x: -100, y: -50 });
    // The world point under the pointer before and after is the same.
    expect((100 - v.x) / v.zoom).toBe(100);
    expect(zoomAbout({ x: 0, y: 0, zoom: 2 }, 10, 0, 0).zoom).toBe(2.5);
    expect(zoomAbout({ x: 0, y: 0, zoom: 0.2 }, 0.1, 0, 0).zoom).toBe(0.1);
  });
});
