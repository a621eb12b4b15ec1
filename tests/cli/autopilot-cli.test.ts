import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseSrt } from '../../src/core/subtitles/subtitle-files';

const run = promisify(execFile);
const bin = path.resolve('bin/director.mjs');

async function director(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function probe(file: string) {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,width,height:format=duration', '-of', 'json', file]);
  return JSON.parse(stdout) as { streams: { codec_type: string; width?: number; height?: number }[]; format: { duration: string } };
}

/** The RGB of one pixel of the frame at `atS` (Debian ffmpeg). */
async function pixel(file: string, atS: number, x: number, y: number): Promise<[number, number, number]> {
  const { stdout } = (await run('ffmpeg', ['-v', 'error', '-ss', String(atS), '-i', file, '-frames:v', '1', '-vf', `crop=2:2:${x}:${y}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { encoding: 'buffer' })) as unknown as { stdout: Buffer };
  return [stdout[0]!, stdout[1]!, stdout[2]!];
}

async function integratedLufs(file: string): Promise<number> {
  const { stderr } = await run('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128', '-f', 'null', '-']);
  return Number(/I:\s+(-?[\d.]+) LUFS/.exec(stderr.slice(stderr.lastIndexOf('Summary')))![1]);
}

describe('director autopilot', { timeout: 180_000 }, () => {
  it('--offline makes a watchable video with speech, subtitles and the brand kit, with no network', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'director-autopilot-'));
    // A magenta logo as the kit's watermark, top left at full opacity.
    await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=0xff00ff:s=64x64', '-frames:v', '1', path.join(dir, 'logo.png')]);
    writeFileSync(path.join(dir, 'kit.json'), JSON.stringify({ name: 'Test kit', colors: { primary: '#22aa44' }, logo: 'logo.png', watermark: { position: 'top-left', sizePct: 10, opacity: 1 } }));
    const out = path.join(dir, 'video.mp4');
    const srt = path.join(dir, 'subs.srt');
    const { code, stdout } = await director('autopilot', 'how tides work', '--out', out, '--srt', srt, '--offline', '--brand', path.join(dir, 'kit.json'), '--length', '15');
    const report = JSON.parse(stdout);
    expect(code, stdout).toBe(0);
    expect(report.note).toMatch(/^Offline outline/);
    expect(report.steps.map((s: { id: string; status: string }) => `${s.id}:${s.status}`)).toEqual(['script:done', 'scenes:done', 'visuals:done', 'voiceover:done', 'subtitles:done', 'mix:done', 'render:done']);

    const info = await probe(out);
    expect(info.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    expect(info.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 1280, height: 720 });
    const duration = Number(info.format.duration);
    expect(duration).toBeGreaterThan(12);
    expect(duration).toBeLessThan(40);
    // Speech at the loudness target (AAC moves it a little).
    expect(Math.abs((await integratedLufs(out)) + 14)).toBeLessThan(1.5);

    const cues = parseSrt(readFileSync(srt, 'utf8'));
    expect(cues.length).toBeGreaterThanOrEqual(3);
    expect(cues.map((c) => c.text).join(' ')).toMatch(/tides/);
    for (let i = 0; i < cues.length; i++) {
      expect(cues[i]!.endS).toBeGreaterThan(cues[i]!.startS);
      if (i) expect(cues[i]!.startS).toBeGreaterThanOrEqual(cues[i - 1]!.endS);
      expect(cues[i]!.endS).toBeLessThanOrEqual(duration + 0.1);
      for (const line of cues[i]!.text.split('\n')) expect(line.length).toBeLessThanOrEqual(42);
    }

    // The watermark: magenta inside the logo's box (3 % padding, 10 % of the width), not elsewhere.
    const [r, g, b] = await pixel(out, 2, 38 + 40, 22 + 40);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(60);
    expect(b).toBeGreaterThan(200);
    const [r2, g2, b2] = await pixel(out, 2, 1200, 100);
    expect(r2 > 200 && g2 < 60 && b2 > 200).toBe(false);
  });

  it('refuses bad input in one sentence, before starting a browser', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'director-autopilot-bad-'));
    writeFileSync(path.join(dir, 'kit.json'), JSON.stringify({ name: 'Kit', logo: 'missing.png' }));
    const missing = await director('autopilot', 'x', '--out', path.join(dir, 'v.mp4'), '--brand', path.join(dir, 'kit.json'), '--offline');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).error).toMatch(/names "missing\.png", which is not next to it\.$/);
    const length = await director('autopilot', 'x', '--out', path.join(dir, 'v.mp4'), '--length', 'long');
    expect(JSON.parse(length.stdout).error).toMatch(/^--length must be 10–600 seconds/);
    const usage = await director('autopilot', '--out', 'v.mp4');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/autopilot needs "<topic>" --out <video\.mp4>/);
  });
});
