import { describe, expect, it } from 'vitest';
import { addClip, addScene, allClips, appendImportedCut, emptyStoryboard, storyboardToCut, type Storyboard } from '../../../src/core/storyboard';
import { cutFromTimeline, rateFromNumber, readTimeline, timelineFromCut, writeTimeline, TIMELINE_FORMATS } from '../../../src/core/timeline';

function board(): Storyboard {
  let b = addScene(emptyStoryboard(), { id: 's1', title: 'Arrival' });
  b = addClip(b, 's1', { id: 'a', prompt: 'harbour', cutSeconds: 1 });
  b = addClip(b, 's1', { id: 'b', prompt: 'gulls', cutSeconds: 1.5 });
  b = addClip(b, 's1', { id: 'x', prompt: 'not made yet', cutSeconds: 2 });
  b = addScene(b, { id: 's2', title: 'Departure' });
  b = addClip(b, 's2', { id: 'c', prompt: 'ferry', cutSeconds: 2.5 });
  return b;
}

describe('storyboard ↔ timeline', () => {
  it('exports the clips that have media, at their cut lengths, with the music, and reads back the same cut in every format', () => {
    const { cut, leftOut } = storyboardToCut(board(), { name: 'Harbour', fps: 30, width: 1920, height: 1080 }, (id) => (id === 'x' ? null : { mediaName: `${id}.mp4` }), { mediaName: 'music.wav', durationSeconds: 10 });
    expect(leftOut).toBe(1);
    expect(cut.clips.map((c) => [c.mediaName, c.durationFrames, c.scene])).toEqual([['a.mp4', 30, 'Arrival'], ['b.mp4', 45, 'Arrival'], ['c.mp4', 75, 'Departure']]);
    expect(cut.audio).toEqual([{ name: 'Music', mediaName: 'music.wav', durationFrames: 150 }]);
    for (const format of TIMELINE_FORMATS) {
      const file = writeTimeline(timelineFromCut(cut), format).text;
      const read = readTimeline(`cut.${format === 'fcp7xml' ? 'xml' : format}`, file, { edlRate: rateFromNumber(30) });
      if (!read.ok) throw new Error(`${format}: ${read.error}`);
      const back = cutFromTimeline(read.timeline);
      const ids = new Map([['a.mp4', 'asset-a'], ['b.mp4', 'asset-b'], ['c.mp4', 'asset-c']]);
      let n = 0;
      const imported = appendImportedCut(emptyStoryboard(), back, (name) => ids.get(name), () => `id-${n++}`);
      expect(imported.missing, format).toEqual([]);
      expect(allClips(imported.board).map((c) => [c.mediaAssetId, c.cutSeconds]), format).toEqual([['asset-a', 1], ['asset-b', 1.5], ['asset-c', 2.5]]);
      if (format !== 'edl') expect(imported.board.scenes.map((s) => s.title), format).toEqual(['Arrival', 'Departure']);
    }
  });

  it('keeps clips whose media are not in the project, named, as missing', () => {
    const cut = { fps: 25, scenes: [{ title: 'One', clips: [{ name: 'Shot', mediaName: 'gone.mov', sourceIn: 2, duration: 3, sourceInFrames: 50, durationFrames: 75 }] }] };
    const { board: b, missing } = appendImportedCut(emptyStoryboard(), cut, () => undefined, () => 'id');
    expect(missing).toEqual(['gone.mov']);
    expect(allClips(b)[0]).toMatchObject({ mediaName: 'gone.mov', sourceInSeconds: 2, cutSeconds: 3, prompt: 'Shot' });
  });
});
