import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packTimelineZip, readTimeline, timelineFromCut, writeTimeline } from '../../src/core/timeline';

const run = promisify(execFile);
const bin = path.resolve('bin/director.mjs');

async function director(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'director-timeline-'));
const timeline = timelineFromCut({
  name: 'CLI cut',
  fps: 25,
  width: 1280,
  height: 720,
  clips: [
    { name: 'One', mediaName: 'one.mp4', durationFrames: 50, sourceInFrames: 25, scene: 'Start' },
    { name: 'Two', mediaName: 'two.mp4', durationFrames: 75, scene: 'End' },
  ],
  audio: [{ name: 'Music', mediaName: 'music.mp3', durationFrames: 125 }],
});

describe('director timeline', { timeout: 60_000 }, () => {
  it('prints the model as JSON, times in seconds', async () => {
    const file = path.join(dir, 'cut.fcpxml');
    writeFileSync(file, writeTimeline(timeline, 'fcpxml').text);
    const { code, stdout } = await director('timeline', file, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      ok: true,
      format: 'fcpxml',
      name: 'CLI cut',
      fps: 25,
      tracks: [
        { kind: 'video', clips: [{ name: 'One', start: 0, duration: 2, source: 'one.mp4', sourceIn: 1 }, { name: 'Two', start: 2, duration: 3, source: 'two.mp4', sourceIn: 0 }] },
        { kind: 'audio', clips: [{ name: 'Music', start: 0, duration: 5, source: 'music.mp3', sourceIn: 0 }] },
      ],
      markers: [{ time: 0, note: 'Start' }, { time: 2, note: 'End' }],
      warnings: [],
    });
  });

  it('converts through every format and back without moving a cut', async () => {
    let from = path.join(dir, 'chain.fcpxml');
    writeFileSync(from, writeTimeline(timeline, 'fcpxml').text);
    for (const [format, ext] of [['edl', 'edl'], ['otio', 'otio'], ['fcp7xml', 'xml'], ['json', 'json'], ['fcpxml', 'fcpxml']] as const) {
      const out = path.join(dir, `chain-${format}.${ext}`);
      const { code, stdout } = await director('timeline', from, '--to', format, '--out', out, '--fps', '25', '--json');
      expect({ format, code }).toEqual({ format, code: 0 });
      expect(JSON.parse(stdout)).toMatchObject({ ok: true, to: format, out });
      from = out;
    }
    const back = readTimeline(from, readFileSync(from, 'utf8'));
    // An EDL keeps file names only, so the media/ URLs do not survive the chain; names, cuts and in-points do.
    const namesOnly = timeline.tracks.map((t) => ({ kind: t.kind, items: t.items.map((i) => (i.type === 'clip' ? { ...i, media: { name: i.media.name } } : i)) }));
    expect(back.ok && back.timeline.tracks).toEqual(namesOnly);
    expect(back.ok && back.timeline.markers).toEqual(timeline.markers);
  });

  it('reads a Final Cut Pro .fcpxmld bundle (a folder holding Info.fcpxml)', async () => {
    const bundle = path.join(dir, 'Export.fcpxmld');
    mkdirSync(bundle);
    writeFileSync(path.join(bundle, 'Info.fcpxml'), writeTimeline(timeline, 'fcpxml').text);
    const { code, stdout } = await director('timeline', bundle, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, format: 'fcpxml', name: 'CLI cut' });
  });

  it('reads the timeline inside an export zip', async () => {
    const zip = path.join(dir, 'export.zip');
    writeFileSync(zip, packTimelineZip({ timeline, format: 'otio', media: [{ name: 'one.mp4', bytes: new Uint8Array([1]) }] }).bytes);
    const { code, stdout } = await director('timeline', zip, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, format: 'otio', name: 'CLI cut', tracks: [{ kind: 'video' }, { kind: 'audio' }] });
  });

  it('exits 1 with one line on stderr for a file that is not a timeline, or is missing', async () => {
    const preset = path.join(dir, 'preset.xml');
    writeFileSync(preset, '<?xml version="1.0"?><PremiereData Version="3"/>');
    expect(await director('timeline', preset, '--json')).toEqual({ code: 1, stdout: '', stderr: 'director timeline: preset.xml is a Premiere Pro project or effect preset, not a timeline.\n' });
    const missing = await director('timeline', path.join(dir, 'nope.fcpxml'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`director timeline: ${path.join(dir, 'nope.fcpxml')} does not exist\n`);
  });

  it('explains a bad --to', async () => {
    const { code, stderr } = await director('timeline', 'x.edl', '--to', 'mp4', '--out', 'y');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--to must be one of fcpxml, edl, otio, fcp7xml, json, got "mp4"/);
  });
});
