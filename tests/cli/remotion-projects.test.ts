import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleDir } from '../../src/cli/bundle-command';
import { openEngine } from '../../src/cli/engine-session';
import { readProjectDir } from '../../src/cli/read-project-dir';
import { pngStats } from './png-stats';

/**
 * Remotion projects written for the Remotion CLI, by us (each API real projects use) and by the
 * Remotion organisation (templates kept with their licence), through `director bundle/still/render`:
 * the in-browser engine in headless Chromium, the same runtime the app's preview and export use.
 */
const run = promisify(execFile);
const bin = path.resolve('bin/director.mjs');
const FIXTURES = path.resolve('tests/fixtures/remotion-projects');
const compat = path.join(FIXTURES, 'compat-apis');

async function director(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const out = (name: string) => path.join(mkdtempSync(path.join(tmpdir(), 'director-remotion-')), name);

/** A still through the CLI: its JSON line, and the PNG checked to be the composition's size and not blank. */
async function still(dir: string, composition: string, frame: number, size: [number, number]) {
  const file = out(`${composition}.png`);
  const result = await director('still', dir, '--composition', composition, '--frame', String(frame), '--out', file);
  expect(result.code, result.stdout + result.stderr).toBe(0);
  const stats = pngStats(readFileSync(file));
  expect([stats.width, stats.height]).toEqual(size);
  expect(stats.distinctBytes).toBeGreaterThan(40);
  return JSON.parse(result.stdout) as { ok: true; warnings: string[] };
}

describe('Remotion projects by other authors (remotion-dev templates)', { timeout: 120_000 }, () => {
  it('bundle with the app\'s bundler (esbuild-wasm, same resolver)', async () => {
    for (const name of ['template-helloworld', 'template-tiktok']) {
      const out = await bundleDir(path.join(FIXTURES, name));
      expect(out, name).toMatchObject({ ok: true, entry: 'src/index.ts', errors: [] });
    }
  });

  it('the Hello World template renders a non-blank still', async () => {
    await still(path.join(FIXTURES, 'template-helloworld'), 'HelloWorld', 60, [1920, 1080]);
  });

  it('the captions template fails naming the captions file while it does not exist, and renders captions once Whisper wrote it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'director-tiktok-'));
    cpSync(path.join(FIXTURES, 'template-tiktok'), dir, { recursive: true });
    const missing = await director('still', dir, '--composition', 'CaptionedVideo', '--frame', '10', '--out', out('missing.png'));
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).error).toBe('staticFile("sample-video.json"): this project has no asset named "sample-video.json" (yet). Assets: sample-video.mp4, theboldfont-license.rtf, theboldfont.ttf.');
    writeFileSync(path.join(dir, 'public/sample-video.json'), JSON.stringify([{ text: 'Hello', startMs: 0, endMs: 900, timestampMs: 450, confidence: 1 }, { text: ' world', startMs: 900, endMs: 1800, timestampMs: 1300, confidence: 1 }]));
    await still(dir, 'CaptionedVideo', 30, [1080, 1920]);
  });
});

/**
 * One engine session for the API fixture (the harness `director still` drives, in headless Chromium),
 * so each API costs a still, not a browser start.
 */
describe('the Remotion APIs real projects use, in the browser engine', { timeout: 120_000 }, () => {
  let engine: Awaited<ReturnType<typeof openEngine>>;
  beforeAll(async () => {
    const bundle = await bundleDir(compat);
    expect(bundle.ok).toBe(true);
    engine = await openEngine(path.resolve('.'), bundle.code, await readProjectDir(compat));
  }, 120_000);
  afterAll(() => engine?.close());

  type Harness = { directorEngine: { still: (id: string, props: object, frame: number) => Promise<string>; warnings: () => { message: string }[] } };
  const stillOf = async (id: string, frame: number) => {
    const base64 = await engine.page.evaluate(({ id, frame }) => (window as unknown as Harness).directorEngine.still(id, {}, frame), { id, frame });
    const stats = pngStats(Buffer.from(base64, 'base64'));
    expect([stats.width, stats.height]).toEqual([640, 360]);
    expect(stats.distinctBytes).toBeGreaterThan(40);
  };
  const warnings = () => engine.page.evaluate(() => (window as unknown as Harness).directorEngine.warnings().map((w) => w.message).join('\n'));

  it('lists every composition, calculateMetadata with getVideoMetadata included', () => {
    expect(engine.compositions.map((c) => c.id)).toEqual(['TrimmedVideo', 'CaptionedVideo', 'StaticFilesList', 'RemoteImage', 'FontTitle', 'StuckDelayRender', 'GlobalDelayRender', 'SavedRemoteImage']);
    expect(engine.compositions.find((c) => c.id === 'CaptionedVideo')!.durationInFrames).toBe(90); // the 3 s clip at 30 fps
  });

  it('OffthreadVideo with startFrom/endAt/volume/playbackRate/muted/transparent/toneMapped draws the video', async () => {
    await stillOf('TrimmedVideo', 10);
  });

  it('getStaticFiles() lists the assets', async () => {
    await stillOf('StaticFilesList', 0);
  });

  it('a remote image offline is a visible placeholder and a warning naming its URL', async () => {
    await stillOf('RemoteImage', 0);
    expect(await warnings()).toContain('drawn as a placeholder: https://images.example.com/product-shot.png.');
  });

  it('a remote image saved into the project (remote/<host>/<path>) is drawn from there, with no warning', async () => {
    await stillOf('SavedRemoteImage', 0);
    expect(await warnings()).not.toContain('https://images.example.com/saved/logo.png');
  });

  it('a Google font falls back to a local font with a warning', async () => {
    await stillOf('FontTitle', 0);
    expect(await warnings()).toContain('Font "Montserrat" (@remotion/google-fonts) is not available offline');
  });

  it('a global delayRender() (not the hook) holds the frame until continueRender(): the text that arrives later is drawn', async () => {
    await stillOf('GlobalDelayRender', 0);
  });

  it('a delayRender() never cleared fails soon, naming its label and the line that created it', async () => {
    const error = await engine.page.evaluate(() => (window as unknown as Harness).directorEngine.still('StuckDelayRender', {}, 0).then(() => 'rendered', (e: Error) => e.message));
    expect(error).toMatch(/^delayRender\("waiting-for-api"\), created at src\/StuckDelayRender\.tsx:\d+:\d+, was never cleared: continueRender\(\) was not called within 1 s/);
  });
});

describe('director render on a project written for the Remotion CLI', { timeout: 120_000 }, () => {
  it('exports OffthreadVideo with trims to an MP4 with exactly the frames asked for', async () => {
    const file = out('trimmed.mp4');
    const { code, stdout } = await director('render', compat, '--composition', 'TrimmedVideo', '--out', file, '--frames', '0-9');
    expect(code, stdout).toBe(0);
    const input = new Input({ source: new BufferSource(readFileSync(file)), formats: ALL_FORMATS });
    expect((await (await input.getPrimaryVideoTrack())!.computePacketStats()).packetCount).toBe(10);
  });
});
