import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cutFromTimeline, packTimelineZip, readTimelineZip, timelineFromCut, TIMELINE_FORMATS, writeTimeline } from '../../../src/core/timeline';

const cut = timelineFromCut({
  name: 'Zip: take 2',
  fps: 24,
  width: 1920,
  height: 1080,
  clips: [
    { name: 'Shot 1', mediaName: 'shot 1.mp4', durationFrames: 48, sourceInFrames: 12, scene: 'Intro' },
    { name: 'Shot 2', mediaName: 'shot-2.mp4', durationFrames: 24, scene: 'Outro' },
  ],
  audio: [{ name: 'Music', mediaName: 'music.mp3', durationFrames: 72 }],
});
const media = [
  { name: 'shot 1.mp4', bytes: new Uint8Array([1, 2, 3]) },
  { name: 'shot-2.mp4', bytes: new Uint8Array([4, 5]) },
  { name: 'music.mp3', bytes: new Uint8Array([6]) },
];

describe('timeline zip', () => {
  it.each(TIMELINE_FORMATS)('%s: packs the timeline and media/ and reads back the same scenes, clips and bytes', (format) => {
    const packed = packTimelineZip({ timeline: cut, format, media });
    expect(packed.fileName).toBe('Zip-take-2.zip');
    expect(packed.warnings.filter((w) => w.includes('media'))).toEqual([]);
    const read = readTimelineZip(packed.fileName, packed.bytes, { edlRate: cut.rate });
    if (!read.ok) throw new Error(read.error);
    expect(read.format).toBe(format);
    expect(cutFromTimeline(read.timeline).scenes).toEqual(cutFromTimeline(cut).scenes.map((s) => ({ ...s, clips: s.clips.map((c) => (format === 'edl' ? { ...c, mediaUrl: undefined } : c)).map((c) => JSON.parse(JSON.stringify(c))) })));
    expect(read.media.map((m) => [m.path, m.name, [...m.bytes]])).toEqual(media.map((m) => [`media/${m.name}`, m.name, [...m.bytes]]));
  });

  it('says which media it does not hold, and refuses a media name that is a path', () => {
    expect(packTimelineZip({ timeline: cut, format: 'fcpxml', media: media.slice(0, 1) }).warnings).toEqual(['The zip holds no media for "shot-2.mp4", "music.mp3"; the editor will show them offline.']);
    expect(() => packTimelineZip({ timeline: cut, format: 'fcpxml', media: [{ name: '../evil.mp4', bytes: new Uint8Array() }] })).toThrow('packTimelineZip: media name "../evil.mp4" cannot be a file in the zip (it contains a slash)');
  });

  it('finds the timeline in a hand-made zip: in a folder, an FCPXML preferred over an EDL, a .fcpxmld bundle', () => {
    const fcpxml = strToU8(writeTimeline(cut, 'fcpxml').text);
    const handMade = zipSync({ 'Export/': {}, 'Export/cut.edl': strToU8(writeTimeline(cut, 'edl').text), 'Export/cut.fcpxml': fcpxml, 'Export/media/shot 1.mp4': new Uint8Array([9]), '__MACOSX/._x': new Uint8Array([0]) });
    const read = readTimelineZip('export.zip', handMade);
    expect(read.ok && [read.fileName, read.format, read.media.map((m) => m.name), read.warnings]).toEqual(['Export/cut.fcpxml', 'fcpxml', ['shot 1.mp4'], ['export.zip holds 2 timeline files; Export/cut.fcpxml was read.']]);
    const bundle = readTimelineZip('bundle.zip', zipSync({ 'Cut.fcpxmld/Info.fcpxml': fcpxml }));
    expect(bundle.ok && bundle.format).toBe('fcpxml');
  });

  it('refuses what is not a safe timeline zip, in one sentence', () => {
    expect(readTimelineZip('a.zip', strToU8('hello'))).toEqual({ ok: false, error: 'a.zip is not a zip archive.' });
    expect(readTimelineZip('b.zip', zipSync({ 'media/x.mp4': new Uint8Array([1]) }))).toEqual({ ok: false, error: 'b.zip holds no timeline file (.fcpxml, .edl, .otio, .xml or .json).' });
    expect(readTimelineZip('c.zip', zipSync({ '../cut.fcpxml': strToU8('<fcpxml/>') }))).toEqual({ ok: false, error: 'c.zip holds a file named "../cut.fcpxml", which is not allowed (the path contains "..").' });
    const bomb = zipSync({ 'cut.otio': [new Uint8Array(5 * 1024 * 1024), { level: 9 }] });
    expect(readTimelineZip('d.zip', bomb)).toEqual({ ok: false, error: expect.stringMatching(/^d\.zip holds "cut\.otio", which would grow from .* to 5.0 MB when unpacked \(a zip bomb\)\.$/) });
    const broken = readTimelineZip('e.zip', zipSync({ 'cut.fcpxml': strToU8('<fcpxml version="1.10"><resources>') }));
    expect(broken).toEqual({ ok: false, error: 'cut.fcpxml is not valid XML: <resources> is never closed on line 1.' });
  });
});
