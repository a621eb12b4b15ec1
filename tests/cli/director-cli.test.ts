import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve('bin/director.mjs');
const fixture = path.resolve('tests/fixtures/remotion-project');

async function director(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('director bundle', { timeout: 60_000 }, () => {
  it('bundles a Remotion project folder laid out as create-video does, with assets from public/', async () => {
    const { code, stdout } = await director('bundle', fixture, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ ok: true, entry: 'src/index.ts', errors: [] });
    expect(out.bytes).toBeGreaterThan(1000);
    expect(out.ms).toBeGreaterThan(0);
  });

  it('exits 1 with file:line:col errors for a broken project', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'director-cli-'));
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(path.join(dir, 'src/Scenes/Poster.tsx'), 'export const Poster = () => <div>;\n');
    const { code, stdout } = await director('bundle', dir, '--json');
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.ok).toBe(false);
    expect(out.errors[0].file).toBe('src/Scenes/Poster.tsx');
    expect(out.errors[0].line).toBeGreaterThan(0);
    expect(out.errors[0].column).toBeGreaterThan(0);
  });

  it('explains its usage', async () => {
    const { code, stderr } = await director('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command "frobnicate"[\s\S]*director bundle <dir>/);
  });
});

describe('director still and render (the in-browser engine in headless Chromium)', { timeout: 120_000 }, () => {
  it('renders one frame of a composition as a PNG of its size', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'director-still-')), 'frame.png');
    const { code, stdout } = await director('still', fixture, '--composition', 'Greeting', '--frame', '70', '--out', out, '--props', '{"name":"CLI"}');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, width: 1280, height: 720, frames: 1 });
    const png = readFileSync(out);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1280); // IHDR width
    expect(png.readUInt32BE(20)).toBe(720);
    expect(png.length).toBeGreaterThan(5000); // text, logo and credits, not a blank frame
  });

  it('renders a frame range to an MP4 with exactly those frames', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'director-render-')), 'clip.mp4');
    const { code, stdout } = await director('render', fixture, '--composition', 'Greeting', '--out', out, '--frames', '0-29');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, width: 1280, height: 720, frames: 30 });
    const input = new Input({ source: new BufferSource(readFileSync(out)), formats: ALL_FORMATS });
    const video = await input.getPrimaryVideoTrack();
    expect((await video!.computePacketStats()).packetCount).toBe(30);
  });

  it('names the compositions when the one asked for does not exist', async () => {
    const { code, stdout } = await director('still', fixture, '--composition', 'Nope', '--frame', '0', '--out', '/tmp/x.png');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).error).toMatch(/No composition "Nope"\. The project has: Greeting, Poster/);
  });
});

describe('director faces (the vision worker in headless Chromium)', { timeout: 120_000 }, () => {
  const cosine = (a: number[], b: number[]) => {
    let dot = 0, na = 0, nb = 0;
    for (let i = 0; i < a.length; i++) (dot += a[i]! * b[i]!), (na += a[i]! ** 2), (nb += b[i]! ** 2);
    return dot / Math.sqrt(na * nb);
  };

  it('finds faces with boxes, scores and 128-d embeddings; same person above the threshold, different below', async () => {
    const fixtures = path.resolve('tests/vision/fixtures');
    const files = ['group-obama-biden.jpg', 'biden-1.jpg', 'biden-2.jpg', 'alex-lacamoire-1.jpg'].map((f) => path.join(fixtures, f));
    const { code, stdout } = await director('faces', ...files, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { threshold: number; images: { file: string; width: number; faces: { box: number[]; score: number; embedding: number[] }[] }[]; ms: number };
    expect(out.threshold).toBeGreaterThan(0.5);
    expect(out.images).toHaveLength(4);
    expect(out.images[0]!.faces.length).toBeGreaterThanOrEqual(2);
    for (const image of out.images.slice(1)) {
      expect(image.faces).toHaveLength(1);
      expect(image.faces[0]!.box).toHaveLength(4);
      expect(image.faces[0]!.embedding).toHaveLength(128);
    }
    const [b1, b2, alex] = out.images.slice(1).map((i) => i.faces[0]!.embedding);
    expect(cosine(b1!, b2!)).toBeGreaterThanOrEqual(out.threshold);
    expect(cosine(b1!, alex!)).toBeLessThan(out.threshold);
  });
});
