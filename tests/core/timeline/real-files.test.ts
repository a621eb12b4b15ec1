// Files written by Final Cut Pro X, Premiere Pro, Avid and OTIO itself (see tests/fixtures/timeline/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTimeline, summarizeTimeline } from '../../../src/core/timeline';

const read = (file: string) => {
  const result = readTimeline(file, readFileSync(`tests/fixtures/timeline/real/${file}`, 'utf8'));
  if (!result.ok) throw new Error(result.error);
  return { ...result, summary: summarizeTimeline(result.timeline, result.format, result.warnings) };
};
const clipNames = (r: ReturnType<typeof read>, track = 0) => r.summary.tracks[track]!.clips.map((c) => c.name);

describe('timelines from other tools are read without error', () => {
  it('FCPXML 1.8 from Final Cut Pro X: spine, lanes above and below, markers; compound clips kept whole with a warning', () => {
    const r = read('fcpx_project.fcpxml');
    expect(r.format).toBe('fcpxml');
    expect(r.timeline.rate).toEqual({ num: 30, den: 1 });
    expect(r.summary.tracks.map((t) => t.kind)).toEqual(['video', 'video', 'video', 'audio']);
    expect(clipNames(r)).toContain('IMG_0715');
    expect(r.timeline.markers.length).toBeGreaterThan(0);
    expect(r.warnings.join(' ')).toMatch(/kept as one clip/);
    const library = read('fcpx_example.fcpxml');
    expect(library.warnings).toContain('FCPXML: 2 projects were placed one after the other, with a marker at the start of each.');
    expect(library.timeline.markers.filter((m) => m.note.startsWith('OpenTimeline_Project')).map((m) => m.note)).toEqual(['OpenTimeline_Project', 'OpenTimeline_Project 1']);
  });

  it('FCPXML 1.9–1.13 exported by Final Cut Pro 10.6–11: rates, drop-frame, start timecode, auditions, lanes', () => {
    const cases = [
      ['dawfiletools-23.98.fcpxml', { num: 24000, den: 1001 }, false, 0],
      ['dawfiletools-25i.fcpxml', { num: 25, den: 1 }, false, 0],
      ['dawfiletools-29.97d.fcpxml', { num: 30000, den: 1001 }, true, 0],
      ['dawfiletools-59.94.fcpxml', { num: 60000, den: 1001 }, false, 0],
      ['dawfiletools-Complex.fcpxml', { num: 25, den: 1 }, false, 0],
      ['dawfiletools-AudioOnly.fcpxml', { num: 24000, den: 1001 }, false, 0],
      ['dawfiletools-SyncClip.fcpxml', { num: 25, den: 1 }, false, 90000],
      ['dawfiletools-BasicMarkers_1HourProjectStart.fcpxml', { num: 30000, den: 1001 }, false, 108000],
      ['dawfiletools-TransitionMarkers1.fcpxml', { num: 24, den: 1 }, false, 86400],
      ['dawfiletools-StandaloneLibraryEventClip.fcpxml', { num: 25, den: 1 }, false, 0],
    ] as const;
    for (const [file, rate, dropFrame, startFrame] of cases) {
      const r = read(file);
      expect({ file, rate: r.timeline.rate, dropFrame: r.timeline.dropFrame, startFrame: r.timeline.startFrame }).toEqual({ file, rate, dropFrame, startFrame });
      expect(r.warnings.filter((w) => /outside 1\.8–1\.13/.test(w))).toEqual([]);
    }
    // The audition's active pick is the clip that plays.
    expect(clipNames(read('dawfiletools-23.98.fcpxml')).slice(0, 2)).toEqual(['TestVideo', 'TestVideo2']);
    const complex = read('dawfiletools-Complex.fcpxml');
    expect(complex.summary.tracks.map((t) => t.kind)).toEqual(['video', 'audio']);
    expect(clipNames(complex, 1)[0]).toBe('Interstellar Soundtrack - No Time for Caution');
    expect(complex.timeline.markers.length).toBe(17);
    expect(clipNames(read('dawfiletools-StandaloneLibraryEventClip.fcpxml'))).toEqual(['CompoundClip']);
  });

  it('CMX3600 EDLs: clip names, LOC markers, dissolves and M2 speed lines', () => {
    const screening = read('screening_example.edl');
    expect(screening.format).toBe('edl');
    expect(clipNames(screening)[0]).toBe('ZZ100_501 (LAY3)');
    expect(screening.timeline.markers.map((m) => m.note)).toHaveLength(3);

    // 001 clip_A rec 00:00-00:09, 002 dissolve 010 into clip_B at rec 00:09: the cut sits in the middle of the dissolve.
    const dissolve = readTimeline('dissolve_test.edl', readFileSync('tests/fixtures/timeline/real/dissolve_test.edl', 'utf8'), { edlRate: { num: 24, den: 1 } });
    if (!dissolve.ok) throw new Error(dissolve.error);
    const items = dissolve.timeline.tracks[0]!.items;
    expect(items.map((i) => i.type)).toEqual(['clip', 'transition', 'clip', 'clip']);
    expect(items[0]).toMatchObject({ name: 'clip_A', duration: 9 + 5 });
    expect(items[1]).toEqual({ type: 'transition', kind: 'dissolve', duration: 10 });
    expect(items[2]).toMatchObject({ name: 'clip_B', duration: 10 - 5, sourceIn: (3600 + 8) * 24 + 8 + 5 });

    const speed = read('speed_effects_small.edl').timeline.tracks[0]!.items.filter((i) => i.type === 'clip');
    expect(speed.map((c) => (c.type === 'clip' ? c.speed ?? 1 : null))).toEqual([1, 0, 0, 1, 47.6 / 24]);
    expect(read('premiere_example.edl').summary.tracks[0]!.clips.length).toBeGreaterThan(0);
    expect(read('25fps.edl').timeline.rate).toEqual({ num: 25, den: 1 });
  });

  it('OpenTimelineIO: clips, gaps and transitions; nested stacks flattened with a warning', () => {
    expect(clipNames(read('simple_cut.otio'))).toEqual(['Clip-001', 'Clip-002', 'Clip-003', 'Clip-004']);
    expect(read('transition.otio').timeline.tracks[0]!.items.some((i) => i.type === 'transition')).toBe(true);
    expect(read('multitrack.otio').summary.tracks).toHaveLength(3);
    expect(read('nested_example.otio').warnings.join(' ')).toMatch(/flattened/);
  });

  it('FCP7 XML from Premiere Pro: video and audio tracks and sequence markers', () => {
    const r = read('premiere_example.xml');
    expect(r.format).toBe('fcp7xml');
    expect(r.timeline.rate).toEqual({ num: 30, den: 1 });
    expect(r.summary.tracks.filter((t) => t.kind === 'video').length).toBeGreaterThanOrEqual(2);
    expect(r.summary.tracks.filter((t) => t.kind === 'audio').length).toBeGreaterThanOrEqual(2);
    expect(r.timeline.markers.length).toBe(3);
    // Two clips meet under a centred 25-frame dissolve (1152–1177), written with end and start -1: the cut is its middle.
    const layered = r.timeline.tracks[3]!.items;
    expect(layered.map((i) => (i.type === 'clip' ? [i.name, i.sourceIn, i.duration] : [i.type, i.duration]))).toEqual([
      ['gap', 956],
      ['sc01_master_layerA_sh030_temp.mov', 34, 1164 - 956],
      ['transition', 25],
      ['sc01_sh010_anim.mov', 6 + 12, 1246 - 1164],
    ]);
  });
});
