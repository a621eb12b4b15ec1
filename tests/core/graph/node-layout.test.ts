import { describe, expect, it } from 'vitest';
import { groupNodes, moveNodes } from '../../../src/core/graph/graph-edits';
import type { Graph, GraphNode } from '../../../src/core/graph/graph-types';
import { groupBounds } from '../../../src/core/graph/group-bounds';
import { defaultKindRegistry } from '../../../src/core/graph/kind-registry';
import { boxOf, estimateNodeSize, NODE_WIDTH, overlappingPairs, portOffsetsOf, type NodeBox, type NodeSize } from '../../../src/core/graph/node-geometry';
import { PUSH_GAP, resolveOverlaps } from '../../../src/core/graph/resolve-overlaps';
import { restoreWorkflow } from '../../../src/core/graph/restore-workflow';
import { STARTER_WORKFLOWS } from '../../../src/core/graph/starter-workflows';
import { countCrossings, tidyLayout } from '../../../src/core/graph/tidy-layout';
import { graphOf, sequentialIds } from './helpers';

const box = (id: string, x: number, y: number, height: number, width = 220): NodeBox => ({ id, x, y, width, height });

/** A small deterministic PRNG, so a failing case can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const starter = (name: string): Graph => {
  const restored = restoreWorkflow(STARTER_WORKFLOWS.find((w) => w.name.includes(name))!);
  if (!restored.ok) throw new Error(restored.message);
  return restored.value.graph;
};

const estimated = (node: GraphNode): NodeSize => estimateNodeSize(node, defaultKindRegistry);
const boxesOf = (graph: Graph, sizeOf: (n: GraphNode) => NodeSize = estimated) => graph.nodes.map((n) => boxOf(n, sizeOf(n)));
const tidied = (graph: Graph, sizeOf: (n: GraphNode) => NodeSize = estimated) => moveNodes(graph, tidyLayout(graph, sizeOf));
const byId = (graph: Graph) => new Map(graph.nodes.map((n) => [n.id, n]));

describe('resolveOverlaps: a node that grew pushes what it covers down its column', () => {
  it('moves the node under a grown one below it, and the next one under that, keeping x and order', () => {
    const boxes = [box('grown', 0, 0, 300), box('b', 0, 200, 100), box('c', 10, 330, 100), box('side', 400, 100, 100), box('above', 0, -200, 150)];
    const moves = resolveOverlaps(boxes, ['grown']);
    expect(moves).toEqual({ b: { x: 0, y: 300 + PUSH_GAP }, c: { x: 10, y: 300 + PUSH_GAP + 100 + PUSH_GAP } });
  });

  it('changes nothing when the grown node still fits', () => {
    expect(resolveOverlaps([box('grown', 0, 0, 150), box('b', 0, 200, 100)], ['grown'])).toEqual({});
  });

  it('leaves overlaps it did not cause alone (a person may stack nodes on purpose)', () => {
    expect(resolveOverlaps([box('a', 0, 0, 150), box('b', 0, 100, 100), box('grown', 600, 0, 400)], ['grown'])).toEqual({});
  });

  it('does not drop a pushed node onto a neighbour of the next column', () => {
    // b is half under the grown node and half under n; pushed below the grown node it would land on n.
    const moves = resolveOverlaps([box('grown', 0, 0, 300), box('b', 150, 200, 100), box('n', 300, 250, 200)], ['grown']);
    const boxes = [box('grown', 0, 0, 300), box('b', 150, 200, 100), box('n', 300, 250, 200)];
    const after = boxes.map((b) => ({ ...b, ...moves[b.id] }));
    expect(moves.b).toEqual({ x: 150, y: 300 + PUSH_GAP });
    expect(overlappingPairs(after)).toEqual([]);
  });

  it('leaves no overlap touching a grown node, over many random columns of nodes', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rand = random(seed);
      const boxes: NodeBox[] = [];
      for (let column = 0; column < 4; column++) {
        let y = Math.round(rand() * 100);
        for (let row = 0; row < 6; row++) {
          const height = 60 + Math.round(rand() * 120);
          boxes.push(box(`n${column}-${row}`, column * 260 + Math.round(rand() * 80), y, height));
          y += height + 10 + Math.round(rand() * 60);
        }
      }
      const grown = boxes.filter(() => rand() < 0.3).map((b) => b.id);
      const before = new Set(overlappingPairs(boxes).map((p) => p.join()));
      for (const b of boxes) if (grown.includes(b.id)) b.height += 50 + Math.round(rand() * 250);
      const moves = resolveOverlaps(boxes, grown);
      const after = boxes.map((b) => ({ ...b, ...moves[b.id] }));
      const involved = new Set([...grown, ...Object.keys(moves)]);
      const left = overlappingPairs(after).filter((p) => !before.has(p.join()) && (involved.has(p[0]) || involved.has(p[1])));
      expect(left, `seed ${seed}`).toEqual([]);
      for (const [id, p] of Object.entries(moves)) {
        const was = boxes.find((b) => b.id === id)!;
        expect(p.x, `seed ${seed}`).toBe(was.x);
        expect(p.y, `seed ${seed}`).toBeGreaterThan(was.y);
      }
    }
  });
});

describe('tidyLayout: left to right by dependency depth', () => {
  it('puts each node one column right of its deepest input, every edge running left to right', () => {
    const graph = moveNodes(
      graphOf([['v', 'veo-video'], ['e', 'extend'], ['p', 'prompt'], ['p2', 'prompt']], ['p.text->v.prompt', 'v.video->e.video', 'p2.text->e.prompt']),
      { v: { x: 500, y: 0 }, e: { x: 0, y: 400 }, p: { x: 300, y: 900 }, p2: { x: 800, y: 20 } },
    );
    const after = byId(tidied(graph));
    const x = (id: string) => after.get(id)!.position.x;
    expect(x('v')).toBeGreaterThan(x('p'));
    expect(x('e')).toBeGreaterThan(x('v'));
    // A prompt sits just left of what it feeds: p2 feeds Extend, so it shares Veo's column.
    expect(x('p2')).toBe(x('v'));
    for (const e of graph.edges) expect(x(e.to)).toBeGreaterThanOrEqual(x(e.from) + NODE_WIDTH + 40);
    // The layout starts where the graph's top-left was.
    expect(Math.min(...[...after.values()].map((n) => n.position.x))).toBe(0);
    expect(Math.min(...[...after.values()].map((n) => n.position.y))).toBe(0);
  });

  it('orders rows to undo crossings', () => {
    // Two chains drawn crossed: a1 feeds the lower Veo node, a2 the upper one.
    const graph = moveNodes(graphOf([['a1', 'prompt'], ['a2', 'prompt'], ['b1', 'enhance'], ['b2', 'enhance'], ['c1', 'veo-video'], ['c2', 'veo-video']], ['a1.text->b2.prompt', 'a2.text->b1.prompt', 'b1.text->c2.prompt', 'b2.text->c1.prompt']), {
      a1: { x: 0, y: 0 },
      a2: { x: 0, y: 300 },
      b1: { x: 300, y: 0 },
      b2: { x: 300, y: 300 },
      c1: { x: 600, y: 0 },
      c2: { x: 600, y: 300 },
    });
    const ends = (g: Graph) => {
      const nodes = byId(g);
      return (e: Graph['edges'][number]) => ({
        from: { x: nodes.get(e.from)!.position.x + NODE_WIDTH, y: nodes.get(e.from)!.position.y + portOffsetsOf(nodes.get(e.from)!, defaultKindRegistry).output(e.fromPort) },
        to: { x: nodes.get(e.to)!.position.x, y: nodes.get(e.to)!.position.y + portOffsetsOf(nodes.get(e.to)!, defaultKindRegistry).input(e.toPort) },
      });
    };
    expect(countCrossings(graph.edges, ends(graph))).toBe(2);
    const after = tidied(graph);
    expect(countCrossings(after.edges, ends(after))).toBe(0);
  });

  it('spaces nodes by their real size: no overlaps with estimated sizes, nor when media made some tall', () => {
    const tall = (n: GraphNode) => ({ width: NODE_WIDTH, height: estimated(n).height + (n.kind === 'veo-video' || n.kind === 'image' ? 260 : 0) });
    for (const name of ['Character', 'Music']) {
      for (const sizeOf of [estimated, tall]) {
        const after = tidied(starter(name), sizeOf);
        expect(overlappingPairs(boxesOf(after, sizeOf)), name).toEqual([]);
      }
    }
  });

  it('keeps a group together: its members in one block per column and no other node inside its frame', () => {
    const graph = starter('Music');
    expect(graph.groups).toHaveLength(1);
    const after = tidied(graph);
    const frame = groupBounds(after, estimated).get(graph.groups[0]!.id)!;
    for (const node of after.nodes) {
      const b = boxOf(node, estimated(node));
      const inside = b.x < frame.x + frame.width && frame.x < b.x + b.width && b.y < frame.y + frame.height && frame.y < b.y + b.height;
      expect(inside, node.id).toBe(node.group === graph.groups[0]!.id);
    }
  });

  it('keeps groups apart from each other and from loose nodes in a bigger graph', () => {
    let graph = graphOf(
      Array.from({ length: 4 }, (_, i) => [
        [`p${i}`, 'prompt'],
        [`v${i}`, 'veo-video'],
        [`e${i}`, 'extend'],
      ] as [string, string][]).flat(),
      Array.from({ length: 4 }, (_, i) => [`p${i}.text->v${i}.prompt`, `v${i}.video->e${i}.video`]).flat(),
    );
    const ids = sequentialIds('g');
    graph = groupNodes(graph, ['p0', 'v0', 'e0'], 'A', ids).graph;
    graph = groupNodes(graph, ['p2', 'v2'], 'B', ids).graph;
    const after = tidied(graph);
    const frames = groupBounds(after, estimated);
    expect(overlappingPairs(boxesOf(after))).toEqual([]);
    for (const group of after.groups) {
      const f = frames.get(group.id)!;
      for (const node of after.nodes.filter((n) => n.group !== group.id)) {
        const b = boxOf(node, estimated(node));
        expect(b.x < f.x + f.width && f.x < b.x + b.width && b.y < f.y + f.height && f.y < b.y + b.height, `${node.id} inside ${group.label}`).toBe(false);
      }
    }
    const [a, b] = [frames.get(after.groups[0]!.id)!, frames.get(after.groups[1]!.id)!];
    expect(a.y + a.height <= b.y || b.y + b.height <= a.y || a.x + a.width <= b.x || b.x + b.width <= a.x).toBe(true);
  });

  it('is deterministic, and a second tidy moves nothing', () => {
    const graph = starter('Character');
    expect(tidyLayout(graph, estimated)).toEqual(tidyLayout(graph, estimated));
    expect(tidyLayout(tidied(graph), estimated)).toEqual({});
  });

  it('lays out a graph with a cycle (a damaged file) without failing, and an empty one as nothing', () => {
    const graph = graphOf([['a', 'enhance'], ['b', 'enhance']], ['a.text->b.prompt', 'b.text->a.prompt']);
    expect(overlappingPairs(boxesOf(tidied(graph)))).toEqual([]);
    expect(tidyLayout({ nodes: [], edges: [], groups: [] }, estimated)).toEqual({});
  });
});
