// Every FCPXML the writer produces must validate against Apple's FCPXML 1.10 DTD. xmllint comes from
// Debian's libxml2-utils, which scripts/lib/setup.mjs installs: a missing xmllint fails, never skips.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { timelineFromCut, writeTimeline, type Timeline } from '../../../src/core/timeline';
import { keepTracks, RATES, sampleTimeline } from './sample-timelines';

const DTD = path.resolve('tests/fixtures/timeline/FCPXMLv1_10.dtd');
const dir = mkdtempSync(path.join(tmpdir(), 'fcpxml-dtd-'));

function validate(timeline: Timeline, name: string): { ok: boolean; output: string } {
  const file = path.join(dir, `${name}.fcpxml`);
  writeFileSync(file, writeTimeline(timeline, 'fcpxml').text);
  const run = spawnSync('xmllint', ['--noout', '--dtdvalid', DTD, file], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint is missing (${run.error.message}): install Debian's libxml2-utils (scripts/lib/setup.mjs does).`);
  return { ok: run.status === 0, output: run.stderr };
}

describe('FCPXML writer output against the FCPXML 1.10 DTD', () => {
  it('xmllint is installed', () => {
    const run = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
    expect(run.error?.message ?? run.stderr).toMatch(/using libxml version/);
  });

  it.each(RATES)('the sample timeline at $label fps validates', (rate) => {
    expect(validate(sampleTimeline(rate), `sample-${rate.rate.num}`)).toEqual({ ok: true, output: '' });
  });

  it('timelines without upper tracks, without audio, with only audio, and empty validate', () => {
    const full = sampleTimeline(RATES[0]!);
    const cases: Record<string, Timeline> = {
      'video-only': keepTracks(full, (t) => t.kind === 'video'),
      'one-track': keepTracks(full, (_, i) => i === 0),
      'audio-only': keepTracks(full, (t) => t.kind === 'audio'),
      empty: { ...full, tracks: [], markers: [] },
      'from-cut': timelineFromCut({ name: 'Cut & "quotes"', fps: 30, width: 1280, height: 720, clips: [{ name: 'A', mediaName: 'a b.mp4', durationFrames: 30, scene: 'One' }, { name: 'B', mediaName: 'b.mp4', durationFrames: 45, sourceInFrames: 10, scene: 'Two' }], audio: [{ name: 'Music', mediaName: 'music.mp3', durationFrames: 90 }, { name: 'Take sound', mediaName: 'b.mp4', durationFrames: 45 }] }),
      'hostile-names': timelineFromCut({ name: 'Bell\u0007 & <tag>\nline 🎬 \ud800', fps: 25, width: 640, height: 360, clips: [{ name: 'Take\u0000 "1"\ttab', mediaName: 'take\u001b.mp4', durationFrames: 25, scene: ']]> \uffff' }] }),
    };
    for (const [name, timeline] of Object.entries(cases)) expect({ name, ...validate(timeline, name) }).toEqual({ name, ok: true, output: '' });
  });

  it('the validator does reject a file that breaks the DTD', () => {
    const file = path.join(dir, 'broken.fcpxml');
    writeFileSync(file, writeTimeline(sampleTimeline(RATES[1]!), 'fcpxml').text.replace('<spine>', '<spine><clip-of-nonsense/>'));
    expect(spawnSync('xmllint', ['--noout', '--dtdvalid', DTD, file]).status).not.toBe(0);
  });
});
