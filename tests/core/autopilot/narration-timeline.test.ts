import { describe, expect, it } from 'vitest';
import { NARRATION_TAIL_S, fitScenesToNarration, sceneStarts, videoCues, type SceneNarration } from '../../../src/core/autopilot';
import { addClip, addScene, emptyStoryboard } from '../../../src/core/storyboard';
import { buildCues } from '../../../src/core/subtitles/build-cues';

function board() {
  let b = addScene(emptyStoryboard(), { id: 's1', narration: 'Hello there.' });
  b = addClip(b, 's1', { id: 'a', cutSeconds: 2 });
  b = addScene(b, { id: 's2', narration: 'Second scene.' });
  b = addClip(b, 's2', { id: 'b', cutSeconds: 1 });
  return addClip(b, 's2', { id: 'c', cutSeconds: 1 });
}

const narration: SceneNarration[] = [
  { sceneId: 's1', assetName: 'v1.wav', durationS: 1, words: [{ text: 'Hello', startS: 0, endS: 0.4 }, { text: 'there.', startS: 0.45, endS: 1 }] },
  { sceneId: 's2', assetName: 'v2.wav', durationS: 3, words: [{ text: 'Second', startS: 0.1, endS: 0.6 }, { text: 'scene.', startS: 0.7, endS: 3 }] },
];

describe('narration on the video clock', () => {
  it('lengthens a scene shorter than its narration at its last clip, leaves longer ones', () => {
    const fitted = fitScenesToNarration(board(), narration);
    expect(fitted.scenes[0]!.clips.map((c) => c.cutSeconds)).toEqual([2]);
    expect(fitted.scenes[1]!.clips.map((c) => c.cutSeconds)).toEqual([1, 1 + 1 + NARRATION_TAIL_S]);
    expect([...sceneStarts(fitted)]).toEqual([['s1', 0], ['s2', 2]]);
  });

  it('builds cues per scene, placed at the scene start, never spanning a cut', () => {
    const cues = videoCues(board(), narration, (w) => buildCues(w));
    expect(cues.map((c) => c.text)).toEqual(['Hello there.', 'Second scene.']);
    expect(cues[1]!.startS).toBeCloseTo(2.1);
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.startS).toBeGreaterThanOrEqual(cues[i - 1]!.endS);
  });
});
