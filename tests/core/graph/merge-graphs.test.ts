import { describe, expect, it } from 'vitest';
import { mergeGraphs } from '../../../src/core/graph/merge-graphs';
import type { Graph, GraphNode } from '../../../src/core/graph/graph-types';

const node = (id: string, over: Partial<GraphNode> = {}): GraphNode => ({ id, kind: 'prompt', params: { text: id }, position: { x: 0, y: 0 }, ...over });
const edge = (id: string, from: string, to: string) => ({ id, from, fromPort: 'text', to, toPort: 'prompt' });
const base: Graph = { nodes: [node('a'), node('b'), node('c')], edges: [edge('e1', 'a', 'b')], groups: [{ id: 'g', label: 'Group 1' }] };
const withNode = (g: Graph, id: string, over: Partial<GraphNode>): Graph => ({ ...g, nodes: g.nodes.map((n) => (n.id === id ? { ...n, ...over } : n)) });

describe('merging two tabs’ edits of one graph', () => {
  it('keeps what each side changed on different nodes', () => {
    const mine = withNode(base, 'a', { position: { x: 50, y: 0 } });
    const theirs = withNode(base, 'b', { params: { text: 'new b' } });
    const merged = mergeGraphs(base, mine, theirs);
    expect(merged.nodes.find((n) => n.id === 'a')!.position).toEqual({ x: 50, y: 0 });
    expect(merged.nodes.find((n) => n.id === 'b')!.params).toEqual({ text: 'new b' });
  });

  it('merges one node field by field and params key by key; mine wins a key both changed', () => {
    const b2: Graph = { ...base, nodes: [node('a', { params: { text: 'x', seed: 1, model: 'veo' } })] , edges: []};
    const mine = withNode(b2, 'a', { params: { text: 'mine', seed: 1, model: 'veo' }, position: { x: 9, y: 9 } });
    const theirs = withNode(b2, 'a', { params: { text: 'theirs', seed: 2, model: 'veo' }, label: 'Shot 1' });
    const a = mergeGraphs(b2, mine, theirs).nodes[0]!;
    expect(a).toEqual({ id: 'a', kind: 'prompt', params: { text: 'mine', seed: 2, model: 'veo' }, position: { x: 9, y: 9 }, label: 'Shot 1' });
  });

  it('adds what either side added; theirs’ order first; deletions of untouched nodes stick, and their edges go', () => {
    const mine: Graph = { ...base, nodes: [...base.nodes, node('m')] };
    const theirs: Graph = { ...base, nodes: [node('t'), ...base.nodes.filter((n) => n.id !== 'a')], edges: [] };
    const merged = mergeGraphs(base, mine, theirs);
    expect(merged.nodes.map((n) => n.id)).toEqual(['t', 'b', 'c', 'm']);
    expect(merged.edges).toEqual([]);
  });

  it('an edit beats a deletion on the other side (nothing anyone made is lost)', () => {
    const mine = withNode(base, 'c', { params: { text: 'kept' } });
    const theirs: Graph = { ...base, nodes: base.nodes.filter((n) => n.id !== 'c') };
    expect(mergeGraphs(base, mine, theirs).nodes.find((n) => n.id === 'c')!.params).toEqual({ text: 'kept' });
    expect(mergeGraphs(base, theirs, mine).nodes.find((n) => n.id === 'c')!.params).toEqual({ text: 'kept' });
  });

  it('drops an edge whose node the other side deleted, and a group reference whose group is gone', () => {
    const mine: Graph = { ...withNode(base, 'c', { group: 'g' }), edges: [...base.edges, edge('e2', 'b', 'c')] };
    const theirs: Graph = { ...base, nodes: base.nodes.filter((n) => n.id !== 'b'), groups: [] };
    const merged = mergeGraphs(base, mine, theirs);
    expect(merged.nodes.map((n) => n.id)).toEqual(['a', 'c']);
    expect(merged.edges).toEqual([]);
    expect(merged.nodes.find((n) => n.id === 'c')!.group).toBeUndefined();
  });

  it('is the identity when one side changed nothing', () => {
    const theirs = withNode(base, 'a', { label: 'A' });
    expect(mergeGraphs(base, base, theirs)).toEqual(theirs);
    expect(mergeGraphs(base, theirs, base)).toEqual(theirs);
  });
});
