import { describe, expect, it } from 'vitest';
import { cutFromTimeline, readTimeline, timelineFromCut, TIMELINE_FORMATS, writeTimeline } from '../../../src/core/timeline';

const cut = {
  name: 'Teaser',
  fps: 29.97,
  dropFrame: true,
  width: 1920,
  height: 1080,
  clips: [
    { name: 'Shot 1 take 2', mediaName: 'shot 1 take 2.mp4', durationFrames: 90, scene: 'Opening' },
    { name: 'Shot 2', mediaName: 'shot-2.mp4', durationFrames: 61, sourceInFrames: 15, scene: 'Opening' },
    { name: 'Shot 3', mediaName: 'shot-3.mp4', durationFrames: 120, scene: 'Chase' },
  ],
  audio: [
    { name: 'Music', mediaName: 'music.mp3', durationFrames: 271 },
    { name: 'Voiceover', mediaName: 'voiceover.wav', durationFrames: 200 },
  ],
};

describe('timelineFromCut / cutFromTimeline', () => {
  it('lays the clips end to end, one audio track each, a marker per scene, media under media/', () => {
    const t = timelineFromCut(cut);
    expect(t.rate).toEqual({ num: 30000, den: 1001 });
    expect(t.dropFrame).toBe(true);
    expect(t.tracks.map((tr) => [tr.kind, tr.items.length])).toEqual([['video', 3], ['audio', 1], ['audio', 1]]);
    expect(t.tracks[0]!.items[0]).toEqual({ type: 'clip', name: 'Shot 1 take 2', media: { name: 'shot 1 take 2.mp4', url: 'media/shot%201%20take%202.mp4' }, sourceIn: 0, duration: 90 });
    expect(t.markers).toEqual([{ frame: 0, duration: 0, note: 'Opening' }, { frame: 151, duration: 0, note: 'Chase' }]);
  });

  it.each(TIMELINE_FORMATS)('scenes and clips come back in order through %s', (format) => {
    const t = timelineFromCut(cut);
    const read = readTimeline(`teaser.${format}`, writeTimeline(t, format).text, { edlRate: t.rate });
    if (!read.ok) throw new Error(read.error);
    const back = cutFromTimeline(read.timeline);
    expect(back.scenes.map((s) => [s.title, s.clips.map((c) => [c.name, c.mediaName, c.sourceInFrames, c.durationFrames])])).toEqual([
      ['Opening', [['Shot 1 take 2', 'shot 1 take 2.mp4', 0, 90], ['Shot 2', 'shot-2.mp4', 15, 61]]],
      ['Chase', [['Shot 3', 'shot-3.mp4', 0, 120]]],
    ]);
    expect(back.scenes[0]!.clips[1]!.sourceIn).toBeCloseTo(15 / (30000 / 1001), 5);
  });

  it('FCPXML events become scenes: their projects, or their clips when they hold no project, one after the other', () => {
    const resources = `<resources><format id="r1" frameDuration="1/25s" width="1920" height="1080"/>
      <asset id="r2" name="a.mov" start="0s" duration="100s" hasVideo="1" format="r1"><media-rep kind="original-media" src="file:///m/a.mov"/></asset>
      <asset id="r3" name="b.mov" start="0s" duration="100s" hasVideo="1" format="r1"><media-rep kind="original-media" src="file:///m/b.mov"/></asset></resources>`;
    const project = (name: string, clips: string) => `<project name="${name}"><sequence format="r1" tcStart="0s"><spine>${clips}</spine></sequence></project>`;
    const withProjects = `<fcpxml version="1.11">${resources}<library>
      <event name="Arrival">${project('p1', '<asset-clip ref="r2" offset="0s" start="2s" duration="3s" name="A1"/><asset-clip ref="r3" offset="3s" duration="1s" name="B1"/>')}</event>
      <event name="Departure">${project('p2', '<gap offset="0s" duration="1s"/><asset-clip ref="r3" offset="1s" start="10s" duration="2s" name="B2"/>')}</event>
    </library></fcpxml>`;
    const read = readTimeline('events.fcpxml', withProjects);
    if (!read.ok) throw new Error(read.error);
    const scenes = cutFromTimeline(read.timeline).scenes.map((s) => [s.title, s.clips.map((c) => [c.name, c.mediaName, c.sourceInFrames, c.durationFrames])]);
    expect(scenes).toEqual([
      ['Arrival', [['A1', 'a.mov', 50, 75], ['B1', 'b.mov', 0, 25]]],
      ['Departure', [['B2', 'b.mov', 250, 50]]],
    ]);
    expect(read.timeline.tracks[0]!.items.map((i) => i.type)).toEqual(['clip', 'clip', 'gap', 'clip']);

    const clipsOnly = `<fcpxml version="1.13">${resources}<library><event name="Selects"><asset-clip ref="r2" start="1s" duration="2s" name="Pick 1"/></event><event name="Alts"><asset-clip ref="r3" duration="1s" name="Pick 2"/></event></library></fcpxml>`;
    const browser = readTimeline('selects.fcpxml', clipsOnly);
    if (!browser.ok) throw new Error(browser.error);
    expect(cutFromTimeline(browser.timeline).scenes.map((s) => [s.title, s.clips.map((c) => c.name)])).toEqual([['Selects', ['Pick 1']], ['Alts', ['Pick 2']]]);
  });

  it('one scene named after the timeline when there are no markers', () => {
    const t = timelineFromCut({ ...cut, clips: cut.clips.map(({ scene: _s, ...c }) => c) });
    expect(cutFromTimeline(t).scenes.map((s) => [s.title, s.clips.length])).toEqual([['Teaser', 3]]);
  });

  it('refuses durations that are not whole frames', () => {
    expect(() => timelineFromCut({ ...cut, clips: [{ name: 'x', mediaName: 'x.mp4', durationFrames: 2.5 }] })).toThrow('timelineFromCut: clips[0].durationFrames must be a whole number of frames >= 1, got 2.5');
  });
});
