/**
 * `director frame` and `director beats` as the CLI runs them: the app's workers in headless
 * Chromium (workers/media/headless-session.ts). The frame written to disk is compared with Debian
 * ffmpeg's reference in a browser page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { beatsOfFile, parseBeatLevel } from '../../src/cli/beats-command';
import { frameCommand } from '../../src/cli/frame-command';
import { launchChromium, ROOT } from './media-server.mjs';

const fixture = (name: string) => path.join(ROOT, 'tests/media/fixtures', name);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'director-media-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** PNG size from its IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

async function meanDifference(a: Buffer, b: Buffer): Promise<number> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    return await page.evaluate(async ([x, y]) => {
      const pixels = async (b64: string) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
        return canvas.getContext('2d')!.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [p, q] = [await pixels(x!), await pixels(y!)];
      let sum = 0;
      for (let i = 0; i < p.length; i++) if (i % 4 !== 3) sum += Math.abs(p[i]! - q[i]!);
      return sum / ((p.length / 4) * 3);
    }, [a.toString('base64'), b.toString('base64')]);
  } finally {
    await browser.close();
  }
}

describe('director frame', () => {
  it.each(['clip.mp4', 'clip.avi'])('writes the true last frame of %s as PNG', async (name) => {
    const out = path.join(scratch, `${name}.png`);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await frameCommand({ file: fixture(name), at: 'last', out, json: true });
    log.mockRestore();
    expect(code).toBe(0);
    const png = readFileSync(out);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(pngSize(png)).toEqual({ width: 160, height: 120 });
    expect(await meanDifference(png, readFileSync(fixture('clip-last.png')))).toBeLessThan(10);
    expect(await meanDifference(png, readFileSync(fixture('clip-frame22.png')))).toBeGreaterThan(50);
  }, 120_000);

  it('fails with exit 1 and a message naming the file for garbage, and 2 for a bad --at', async () => {
    const errors: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m));
    expect(await frameCommand({ file: fixture('garbage.mp4'), at: '1', out: path.join(scratch, 'x.png') })).toBe(1);
    expect(await frameCommand({ file: fixture('clip.mp4'), at: 'middle', out: path.join(scratch, 'x.png') })).toBe(2);
    error.mockRestore();
    expect(errors[0]).toMatch(/^director frame: \[media:unsupported_format\] garbage\.mp4: /);
    expect(errors[0]).not.toContain('\n');
    expect(errors[1]).toContain('"middle"');
  }, 120_000);
});

describe('director beats', () => {
  it('reports 120 BPM with beats every 0.5 s for the click fixture', async () => {
    const result = await beatsOfFile(fixture('clicks.mp3'));
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['bpm', 'beats', 'downbeats', 'durationSec', 'ms']));
    expect(result.bpm).toBeCloseTo(120, 0);
    expect(result.durationSec).toBeCloseTo(4, 1);
    const gaps = result.beats.slice(1).map((t, i) => t - result.beats[i]!);
    for (const gap of gaps) expect(gap).toBeCloseTo(0.5, 1);
    expect(result.downbeats.every((d) => result.beats.includes(d))).toBe(true);
  }, 120_000);

  it('gives the half-time pulse with --level half, still on the bars', async () => {
    const result = await beatsOfFile(fixture('clicks.mp3'), parseBeatLevel('half'));
    expect(result.bpm).toBeCloseTo(60, 0);
    for (const gap of result.beats.slice(1).map((t, i) => t - result.beats[i]!)) expect(gap).toBeCloseTo(1, 1);
    expect(result.downbeats.length).toBeGreaterThan(0);
    expect(result.downbeats.every((d) => result.beats.includes(d))).toBe(true);
    expect(() => parseBeatLevel('triple')).toThrow(/--level must be one of detected, double, half/);
  }, 120_000);
});
