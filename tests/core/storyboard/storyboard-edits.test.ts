import { describe, expect, it } from 'vitest';
import { addClip, addScene, allClips, duplicateClip, emptyStoryboard, findClip, moveClip, moveScene, neighbourClip, removeClips, updateClip, type Storyboard } from '../../../src/core/storyboard';

function board(): Storyboard {
  let b = emptyStoryboard();
  b = addScene(b, { id: 's1', title: 'Opening' });
  b = addScene(b, { id: 's2', title: 'Ending' });
  for (const id of ['a', 'b', 'c']) b = addClip(b, 's1', { id, prompt: `clip ${id}` });
  for (const id of ['d', 'e']) b = addClip(b, 's2', { id, prompt: `clip ${id}` });
  return b;
}
const order = (b: Storyboard) => b.scenes.map((s) => `${s.id}:${s.clips.map((c) => c.id).join('')}`).join(' ');

describe('storyboard edits', () => {
  it('adds scenes and clips in order, with defaults', () => {
    const b = board();
    expect(order(b)).toBe('s1:abc s2:de');
    expect(findClip(b, 'e')).toMatchObject({ sceneIndex: 1, index: 1, clip: { provider: 'veo', shotType: 'medium', cutSeconds: 4 } });
  });

  it('moves a clip within a scene and across scenes, leaving the old document unchanged', () => {
    const b = board();
    expect(order(moveClip(b, 'a', 's1', 2))).toBe('s1:bca s2:de');
    expect(order(moveClip(b, 'c', 's2', 0))).toBe('s1:ab s2:cde');
    expect(order(moveClip(b, 'd', 's1', 99))).toBe('s1:abcd s2:e');
    expect(order(b)).toBe('s1:abc s2:de');
    expect(moveClip(b, 'nope', 's1', 0)).toBe(b);
    expect(moveClip(b, 'a', 'nope', 0)).toBe(b);
  });

  it('reorders scenes, duplicates and removes clips', () => {
    const b = board();
    expect(order(moveScene(b, 's2', 0))).toBe('s2:de s1:abc');
    const dup = duplicateClip(updateClip(b, 'b', { selectedTakeId: 't1' }), 'b', 'b2');
    expect(order(dup)).toBe('s1:abb2c s2:de');
    expect(findClip(dup, 'b2')!.clip).toMatchObject({ prompt: 'clip b' });
    expect(findClip(dup, 'b2')!.clip.selectedTakeId).toBeUndefined();
    expect(order(removeClips(b, new Set(['a', 'e'])))).toBe('s1:bc s2:d');
    expect(removeClips(b, new Set(['zzz']))).toBe(b);
  });

  it('walks clips in play order across scenes', () => {
    const b = board();
    expect(allClips(b).map((c) => c.id).join('')).toBe('abcde');
    expect(neighbourClip(b, 'c', 1)?.id).toBe('d');
    expect(neighbourClip(b, 'd', -1)?.id).toBe('c');
    expect(neighbourClip(b, 'e', 1)).toBeUndefined();
  });
});

describe('batch progress line', async () => {
  const { batchLine } = await import('../../../src/core/storyboard');
  it('counts finished and running clips and estimates time left from the finished ones', () => {
    expect(batchLine({ total: 12, finished: 0, running: 2, failed: 0, elapsedMs: 5000 })).toBe('0 of 12 clips, 2 running');
    expect(batchLine({ total: 12, finished: 7, running: 2, failed: 1, elapsedMs: 7 * 36_000 })).toBe('7 of 12 clips, 2 running, 1 failed, ~3 min left');
    expect(batchLine({ total: 3, finished: 3, running: 0, failed: 0, elapsedMs: 9000 })).toBe('3 of 3 clips');
  });
});
