import { describe, expect, it } from 'vitest';
import { copySelection, pasteClip } from '../../../src/core/graph/graph-clipboard';
import type { Graph } from '../../../src/core/graph/graph-types';

const graph: Graph = {
  nodes: [
    { id: 'p', kind: 'prompt', params: { text: 'a' }, position: { x: 0, y: 0 }, group: 'g' },
    { id: 'v', kind: 'veo-video', params: {}, position: { x: 300, y: 0 } },
    { id: 'x', kind: 'extend', params: {}, position: { x: 600, y: 0 } },
  ],
  edges: [
    { id: 'e1', from: 'p', fromPort: 'text', to: 'v', toPort: 'prompt' },
    { id: 'e2', from: 'v', fromPort: 'video', to: 'x', toPort: 'video' },
  ],
  groups: [{ id: 'g', label: 'Group 1' }],
};

describe('copy and paste on the canvas', () => {
  it('copies the selected nodes with only the edges between them; nothing selected copies nothing', () => {
    const clip = copySelection(graph, new Set(['p', 'v']))!;
    expect(clip.nodes.map((n) => n.id)).toEqual(['p', 'v']);
    expect(clip.edges.map((e) => e.id)).toEqual(['e1']);
    expect(copySelection(graph, new Set())).toBeNull();
  });

  it('pastes new nodes with new ids, offset and wired as they were; pasting again lands one step further', () => {
    let n = 0;
    const newId = () => `n${++n}`;
    const clip = copySelection(graph, new Set(['p', 'v']))!;
    const once = pasteClip(graph, clip, newId);
    expect(once.pasted).toEqual(['n1', 'n2']);
    expect(once.graph.nodes.slice(3).map((x) => [x.id, x.position, x.group])).toEqual([['n1', { x: 40, y: 40 }, 'g'], ['n2', { x: 340, y: 40 }, undefined]]);
    expect(once.graph.edges.at(-1)).toEqual({ id: 'n3', from: 'n1', fromPort: 'text', to: 'n2', toPort: 'prompt' });
    const twice = pasteClip(once.graph, once.clip, newId);
    expect(twice.graph.nodes.at(-1)!.position).toEqual({ x: 380, y: 80 });
    // Pasted where the group is gone, the node comes without it.
    expect(pasteClip({ ...graph, groups: [] }, clip, newId).graph.nodes.at(-2)!.group).toBeUndefined();
  });
});
