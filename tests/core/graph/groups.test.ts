import { describe, expect, it } from 'vitest';
import { groupNodes, moveNodes, removeNodes, renameGroup } from '../../../src/core/graph/graph-edits';
import { GROUP_COLORS, GROUP_PADDING, groupBounds, groupColor, membersOf } from '../../../src/core/graph/group-bounds';
import { graphOf, sequentialIds } from './helpers';

const size = () => ({ width: 100, height: 50 });

describe('groups', () => {
  it('renames a group; a blank label, the same label or an unknown group changes nothing', () => {
    const { graph, group } = groupNodes(graphOf([['a', 'prompt'], ['b', 'prompt']]), ['a', 'b'], 'Group 1', sequentialIds('g'));
    const renamed = renameGroup(graph, group.id, '  Intro  ');
    expect(renamed.groups).toEqual([{ id: group.id, label: 'Intro' }]);
    expect(renamed.nodes).toBe(graph.nodes);
    expect(graph.groups[0]!.label).toBe('Group 1');
    expect(renameGroup(graph, group.id, '   ')).toBe(graph);
    expect(renameGroup(graph, group.id, 'Group 1')).toBe(graph);
    expect(renameGroup(graph, 'nowhere', 'Intro')).toBe(graph);
  });

  it('drops a group when its last node is deleted, keeps it while one remains', () => {
    const { graph, group } = groupNodes(graphOf([['a', 'prompt'], ['b', 'prompt'], ['c', 'prompt']]), ['a', 'b'], 'Group 1', sequentialIds('g'));
    expect(removeNodes(graph, ['a']).groups).toEqual([{ id: group.id, label: 'Group 1' }]);
    expect(removeNodes(graph, ['a', 'b']).groups).toEqual([]);
    expect(removeNodes(graph, ['c']).groups).toHaveLength(1);
  });

  it('frames a group around its nodes plus padding, and the frame follows a move', () => {
    const g = moveNodes(graphOf([['a', 'prompt'], ['b', 'prompt'], ['c', 'prompt']]), { a: { x: 0, y: 0 }, b: { x: 300, y: 200 }, c: { x: 900, y: 900 } });
    const { graph, group } = groupNodes(g, ['a', 'b'], 'Intro', sequentialIds('g'));
    const frame = { x: -GROUP_PADDING.side, y: -GROUP_PADDING.top, width: 400 + 2 * GROUP_PADDING.side, height: 250 + GROUP_PADDING.top + GROUP_PADDING.bottom };
    expect(groupBounds(graph, size).get(group.id)).toEqual(frame);
    const moved = moveNodes(graph, { a: { x: 10, y: 20 }, b: { x: 310, y: 220 } });
    expect(groupBounds(moved, size).get(group.id)).toEqual({ ...frame, x: frame.x + 10, y: frame.y + 20 });
    expect(membersOf(graph, group.id)).toEqual(['a', 'b']);
  });

  it('draws no frame for a group without nodes; colours are the own or a stable pick', () => {
    const g = { ...graphOf([['a', 'prompt']]), groups: [{ id: 'empty', label: 'Empty' }] };
    expect(groupBounds(g, size).size).toBe(0);
    expect(groupColor({ id: 'x', color: '#123456' })).toBe('#123456');
    expect(groupColor({ id: 'abc' })).toBe(groupColor({ id: 'abc' }));
    expect(GROUP_COLORS).toContain(groupColor({ id: 'abc' }));
  });
});
