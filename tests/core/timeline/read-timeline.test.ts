import { describe, expect, it } from 'vitest';
import { detectTimelineFormat, readTimeline, timelineFromCut, writeTimeline } from '../../../src/core/timeline';
import { RATES, sampleTimeline } from './sample-timelines';

describe('readTimeline on files that are not timelines', () => {
  it.each([
    ['preset.xml', '<?xml version="1.0"?><PremiereData Version="3"><Preset/></PremiereData>', 'preset.xml is a Premiere Pro project or effect preset, not a timeline.'],
    ['notes.xml', '<notes><n/></notes>', 'notes.xml is XML (<notes>) but not FCPXML or Final Cut Pro 7 XML, so it is not a timeline Director reads.'],
    ['cut.fcpxml', '<fcpxml version="1.10"><resources>', 'cut.fcpxml is not valid XML: <resources> is never closed on line 1.'],
    ['clip.otio', '{"OTIO_SCHEMA": "Clip.2"}', 'clip.otio is OpenTimelineIO Clip but not a Timeline, so there is no timeline to read.'],
    ['package.json', '{"name": "x"}', 'package.json is JSON but not a Director timeline (no "format": "director-timeline").'],
    ['cut.edl', 'TITLE: nothing\nFCM: NON-DROP FRAME\n', 'cut.edl has no EDL events (lines like "001  AX  V  C  00:00:00:00 …"), so it is not a CMX3600 EDL.'],
    ['photo.jpg', '\u00ff\u00d8\u00ff\u00e0\u0000\u0010JFIF', 'photo.jpg is a binary file, not a timeline (FCPXML, EDL, OTIO or FCP7 XML).'],
    ['readme.txt', 'hello', 'readme.txt is not a timeline file Director reads (FCPXML, CMX3600 EDL, OpenTimelineIO or FCP7 XML).'],
    ['new.timeline.json', '{"format": "director-timeline", "version": 9, "timeline": {}}', 'new.timeline.json is a Director timeline of version 9, newer than this app reads (1).'],
  ])('%s → one sentence', (name, text, error) => {
    expect(readTimeline(name, text)).toEqual({ ok: false, error });
  });

  it("broken JSON is named as such, with the parser's reason", () => {
    const read = readTimeline('cut.otio', '{"OTIO_SCHEMA": "Timeline.1", ');
    expect(read.ok ? '' : read.error).toMatch(/^cut\.otio is not valid JSON \(.*position 30.*\)\.$/);
  });

  it('a byte-order mark at the start of a file is not an error', () => {
    const t = sampleTimeline(RATES[1]!);
    for (const format of ['otio', 'json', 'fcpxml', 'edl'] as const) {
      const read = readTimeline(`bom.${format}`, '\uFEFF' + writeTimeline(t, format).text, { edlRate: t.rate });
      expect({ format, ok: read.ok }).toEqual({ format, ok: true });
    }
  });

  it('an FCPXML sequence without a frame duration is refused, not guessed', () => {
    const text = '<fcpxml version="1.10"><resources><format id="r1"/></resources><library><event><project name="p"><sequence format="r1"><spine/></sequence></project></event></library></fcpxml>';
    expect(readTimeline('p.fcpxml', text)).toEqual({ ok: false, error: "p.fcpxml: the sequence's format has no frame duration, so its frame rate is unknown." });
  });
});

describe('FCPXML audio lanes', () => {
  it("a take's sound on an audio track keeps its picture off the lane (srcEnable audio) and music gets the music role", () => {
    const t = timelineFromCut({ name: 'Takes', fps: 24, width: 1920, height: 1080, clips: [{ name: 'Take', mediaName: 'take.mp4', durationFrames: 48 }], audio: [{ name: 'Take sound', mediaName: 'take.mp4', durationFrames: 48 }, { name: 'Music', mediaName: 'song.mp3', durationFrames: 48 }] });
    const text = writeTimeline(t, 'fcpxml').text;
    expect(text).toMatch(/<asset-clip ref="r2" lane="-1" [^>]*srcEnable="audio" audioRole="dialogue"\/>/);
    expect(text).toMatch(/<asset-clip ref="r3" lane="-2" [^>]*audioRole="music"\/>/);
    const read = readTimeline('takes.fcpxml', text);
    expect(read.ok && read.timeline.tracks.map((tr) => ({ kind: tr.kind, items: tr.items }))).toEqual(t.tracks.map((tr) => ({ kind: tr.kind, items: tr.items })));
  });
});

describe('names an EDL line cannot hold', () => {
  it('line breaks and control characters in names become spaces, so every comment stays one line', () => {
    const t = timelineFromCut({ name: 'Title\nwith break', fps: 25, width: 640, height: 360, clips: [{ name: 'Take\r\n2\u0007', mediaName: 'take 2.mp4', durationFrames: 25, scene: 'Scene\none' }] });
    const text = writeTimeline(t, 'edl').text;
    expect(text.split('\n').slice(0, 7)).toEqual(['TITLE: Title with break', 'FCM: NON-DROP FRAME', '', '001  TAKE2    V     C        00:00:00:00 00:00:01:00 00:00:00:00 00:00:01:00', '* FROM CLIP NAME: Take 2', '* SOURCE FILE: take 2.mp4', '* LOC: 00:00:00:00 BLUE    Scene one']);
  });
});

describe('format detection', () => {
  it('looks at the content before the name: an .xml may be FCPXML or FCP7 XML', () => {
    const t = sampleTimeline(RATES[1]!);
    expect(detectTimelineFormat('a.xml', writeTimeline(t, 'fcpxml').text)).toBe('fcpxml');
    expect(detectTimelineFormat('a.xml', writeTimeline(t, 'fcp7xml').text)).toBe('fcp7xml');
    expect(detectTimelineFormat('a.txt', writeTimeline(t, 'edl').text)).toBe('edl');
    expect(detectTimelineFormat('a.json', writeTimeline(t, 'otio').text)).toBe('otio');
    expect(detectTimelineFormat('a', writeTimeline(t, 'json').text)).toBe('json');
    expect(detectTimelineFormat('a.mov', 'moov')).toBeNull();
  });
});

describe('what formats cannot hold is said, not silently lost', () => {
  it('warns when an EDL leaves out upper video tracks and FCPXML transitions on lanes', () => {
    const t = sampleTimeline(RATES[0]!);
    expect(writeTimeline(t, 'edl').warnings).toEqual(['EDL: only video track 1 is written; 1 upper video track(s) left out (an EDL holds one picture track).']);
    const upperDissolve = { ...t, tracks: [t.tracks[0]!, { kind: 'video' as const, items: [...t.tracks[1]!.items.slice(0, 2), { type: 'transition' as const, kind: 'dissolve' as const, duration: 4 }, ...t.tracks[1]!.items.slice(2)] }] };
    expect(writeTimeline(upperDissolve, 'fcpxml').warnings).toEqual(['FCPXML: a dissolve on video track 2 is left out (connected clips cannot hold transitions).']);
  });

  it('an EDL keeps M2 speed; FCPXML says it drops it', () => {
    const t = sampleTimeline(RATES[1]!);
    const fast = { ...t, tracks: [{ kind: 'video' as const, items: [{ type: 'clip' as const, name: 'Fast', media: { name: 'f.mov' }, sourceIn: 10, duration: 50, speed: 2 }] }], markers: [] };
    const read = readTimeline('fast.edl', writeTimeline(fast, 'edl').text, { edlRate: t.rate });
    expect(read.ok && read.timeline.tracks).toEqual(fast.tracks);
    expect(writeTimeline(fast, 'fcpxml').warnings).toEqual(['FCPXML: the speed of "Fast" (2×) is not written; it plays at normal speed.']);
  });
});
