import { describe, expect, it } from 'vitest';
import { connect, disconnect, moveNodes, updateParams } from '../../../src/core/graph/graph-edits';
import { markStale, type CanvasNodeState } from '../../../src/core/graph/stale';
import { graphOf, mergeGraphs, sequentialIds, shotGraph } from './helpers';

const allDone = (ids: string[]): Record<string, CanvasNodeState> => Object.fromEntries(ids.map((id) => [id, 'done' as const]));

describe('markStale', () => {
  const graph = mergeGraphs(shotGraph('1'), shotGraph('2'));
  const ids = graph.nodes.map((n) => n.id);

  it('a param edit makes the node and its downstream stale, nothing else', () => {
    const edited = updateParams(graph, 'veo-1', { durationSeconds: 4 });
    if (!edited.ok) throw new Error(edited.message);
    const { states, changed } = markStale(graph, edited.value, allDone(ids));
    expect(changed).toEqual([
      { nodeId: 'veo-1', from: 'done', to: 'stale' },
      { nodeId: 'extend-1', from: 'done', to: 'stale' },
    ]);
    expect(states['prompt-1']).toBe('done');
    expect(states['veo-2']).toBe('done');
  });

  it('a connection change marks the target side; moving nodes changes nothing', () => {
    const withPrompt = graphOf([['p', 'prompt', { text: 'go on' }]]);
    const before = mergeGraphs(graph, withPrompt);
    const wired = connect(before, { from: 'p', fromPort: 'text', to: 'extend-2', toPort: 'prompt' }, undefined, sequentialIds('e'));
    if (!wired.ok) throw new Error(wired.message);
    const states = allDone([...ids, 'p']);
    expect(markStale(before, wired.value.graph, states).changed.map((c) => c.nodeId)).toEqual(['extend-2']);
    expect(markStale(wired.value.graph, disconnect(wired.value.graph, [wired.value.edge.id]), states).changed.map((c) => c.nodeId)).toEqual(['extend-2']);
    expect(markStale(graph, moveNodes(graph, { 'veo-1': { x: 5, y: 5 } }), allDone(ids)).changed).toEqual([]);
  });

  it('errors and blocked nodes downstream go back to idle; idle nodes stay idle', () => {
    const edited = updateParams(graph, 'prompt-1', { text: 'new idea' });
    if (!edited.ok) throw new Error(edited.message);
    const { changed } = markStale(graph, edited.value, { 'prompt-1': 'done', 'veo-1': 'error', 'extend-1': 'blocked' });
    expect(changed).toEqual([
      { nodeId: 'prompt-1', from: 'done', to: 'stale' },
      { nodeId: 'veo-1', from: 'error', to: 'idle' },
      { nodeId: 'extend-1', from: 'blocked', to: 'idle' },
    ]);
  });
});
