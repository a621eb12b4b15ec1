import { describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../src/core/graph/graph-types';
import { loadGraphRow, saveGraph, saveGraphMerging } from '../../src/db/graphs-repo';
import { freshDb } from './test-db';

const node = (id: string): GraphNode => ({ id, kind: 'prompt', params: { text: id }, position: { x: 0, y: 0 } });
const graphOf = (...ids: string[]): Graph => ({ nodes: ids.map(node), edges: [], groups: [] });

describe('saving the canvas graph from two tabs', () => {
  it('a save on top of a revision the tab has not seen merges both tabs’ nodes, and says what was stored', async () => {
    const { db } = freshDb();
    await saveGraph(db, 'p1', graphOf('a'));
    const row = (await loadGraphRow(db, 'p1'))!;
    const base = { graph: row.graph, revision: row.revision! };
    // Tab 1 and tab 2 both started from revision 1.
    const first = await saveGraphMerging(db, 'p1', graphOf('a', 'one'), base);
    expect(first).toMatchObject({ revision: 2, theirs: null });
    const second = await saveGraphMerging(db, 'p1', graphOf('a', 'two'), base);
    expect(second.revision).toBe(3);
    expect(second.theirs!.nodes.map((n) => n.id)).toEqual(['a', 'one']);
    expect(second.graph.nodes.map((n) => n.id)).toEqual(['a', 'one', 'two']);
    expect((await loadGraphRow(db, 'p1'))!.graph.nodes.map((n) => n.id)).toEqual(['a', 'one', 'two']);
  });

  it('a tab that opened before the first save merges with what another tab created', async () => {
    const { db } = freshDb();
    await saveGraphMerging(db, 'p1', graphOf('x'), null);
    const late = await saveGraphMerging(db, 'p1', graphOf('y'), null);
    expect(late.graph.nodes.map((n) => n.id)).toEqual(['x', 'y']);
  });
});
