/**
 * The media and audio workers in real headless Chromium: every audio format, probes, the exact
 * last frame against Debian ffmpeg's reference, thumbnails, waveforms, hostile files, the
 * ffmpeg.wasm fallback and the supervisor's time limits.
 * Run: npx vitest run --config tests/media/vitest.config.ts
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_PATH, HARNESS_PATH, launchChromium, startMediaServer } from './media-server.mjs';

const fixture = (name: string) => `${FIXTURES_PATH}/${name}`;
let browser: Browser;
let page: Page;
let stop: () => Promise<void>;
const pageErrors: string[] = [];

beforeAll(async () => {
  const { server, baseUrl } = await startMediaServer();
  browser = await launchChromium();
  stop = async () => {
    await browser.close();
    await server.close();
  };
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(baseUrl + HARNESS_PATH);
  await page.waitForFunction(() => document.title === 'media harness ready', null, { timeout: 60_000 });
});

afterAll(async () => {
  await stop?.();
});

/** Unwraps a harness outcome, failing with the worker's own message. */
function ok<T>(result: { ok: true; value: T } | { ok: false; code: string | null; message: string }): T {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result.value;
}

describe('audio decode', () => {
  // Fixtures: 4 s, 120 BPM clicks; right channel = left / 2, so the averaged peak is ~0.75 x 0.9.
  const formats = ['clicks.mp3', 'clicks.wav', 'clicks.flac', 'clicks.ogg', 'clicks.opus', 'clicks.m4a', 'clicks.aiff'];

  it.each(formats)('%s decodes to mono PCM at the requested rate', async (name) => {
    const out = ok(await page.evaluate(([url]) => window.mediaHarness.decode(url!, 22050), [fixture(name)]));
    expect(out.sampleRate).toBe(22050);
    expect(out.durationSec).toBeGreaterThan(3.9);
    expect(out.durationSec).toBeLessThan(4.15);
    expect(Math.abs(out.length / 22050 - out.durationSec)).toBeLessThan(0.01);
    expect(out.sourceChannels).toBe(2);
    // Averaged, not summed: a sum would peak near 1.35 (and clip), the mean near 0.68.
    expect(out.peak).toBeGreaterThan(0.55);
    expect(out.peak).toBeLessThan(0.85);
    expect(out.engine).toBe(name === 'clicks.aiff' ? 'ffmpeg' : 'mediabunny');
  });

  it('gives the same PCM through ffmpeg.wasm as through mediabunny', async () => {
    const viaMediabunny = ok(await page.evaluate(([url]) => window.mediaHarness.decode(url!, 16000, 'mediabunny'), [fixture('clicks.flac')]));
    const viaFfmpeg = ok(await page.evaluate(([url]) => window.mediaHarness.decode(url!, 16000, 'ffmpeg'), [fixture('clicks.flac')]));
    expect(viaFfmpeg.engine).toBe('ffmpeg');
    expect(Math.abs(viaFfmpeg.length - viaMediabunny.length)).toBeLessThanOrEqual(1);
    expect(viaFfmpeg.rms).toBeCloseTo(viaMediabunny.rms, 3);
    expect(viaFfmpeg.peak).toBeCloseTo(viaMediabunny.peak, 3);
  });

  it('decodes the audio track of a video', async () => {
    const out = ok(await page.evaluate(([url]) => window.mediaHarness.decode(url!, 48000), [fixture('clip.mp4')]));
    expect(out.durationSec).toBeGreaterThan(1.9);
    expect(out.sourceChannels).toBe(1);
    expect(out.peak).toBeGreaterThan(0.1);
  });
});

describe('video probe', () => {
  it('reads duration, fps, size, codecs and audio of an MP4 (mediabunny)', async () => {
    const probe = ok(await page.evaluate(([url]) => window.mediaHarness.probe(url!), [fixture('clip.mp4')]));
    expect(probe).toMatchObject({ engine: 'mediabunny', container: 'mp4', hasVideo: true, hasAudio: true, videoCodec: 'avc', audioCodec: 'aac', width: 160, height: 120, rotation: 0 });
    expect(probe.fps).toBeCloseTo(12, 3);
    expect(probe.durationSec).toBeGreaterThan(1.95);
    expect(probe.durationSec).toBeLessThan(2.1);
  });

  it('reports display rotation and the rotated display size', async () => {
    const probe = ok(await page.evaluate(([url]) => window.mediaHarness.probe(url!), [fixture('rotated.mp4')]));
    expect([90, 270]).toContain(probe.rotation);
    expect(probe).toMatchObject({ width: 120, height: 160, codedWidth: 160, codedHeight: 120 });
    const viaFfmpeg = ok(await page.evaluate(([url]) => window.mediaHarness.probe(url!, 'ffmpeg'), [fixture('rotated.mp4')]));
    expect(viaFfmpeg.rotation).toBe(probe.rotation);
    expect(viaFfmpeg).toMatchObject({ width: 120, height: 160 });
  });

  it('probes a WebM without audio', async () => {
    const probe = ok(await page.evaluate(([url]) => window.mediaHarness.probe(url!), [fixture('clip.webm')]));
    expect(probe).toMatchObject({ container: 'webm', videoCodec: 'vp9', hasAudio: false, audioCodec: null, width: 160, height: 120 });
    expect(probe.fps).toBeCloseTo(12, 3);
  });

  it('falls back to ffmpeg.wasm for AVI (a container mediabunny cannot read)', async () => {
    const probe = ok(await page.evaluate(([url]) => window.mediaHarness.probe(url!), [fixture('clip.avi')]));
    expect(probe).toMatchObject({ engine: 'ffmpeg', container: 'avi', videoCodec: 'mpeg4', audioCodec: 'mp3', hasAudio: true, width: 160, height: 120 });
    expect(probe.fps).toBeCloseTo(12, 3);
    expect(probe.durationSec).toBeGreaterThan(1.9);
  });
});

describe('frames', () => {
  // Debian ffmpeg's decode of frames 23 (the last), 12 (at 1.0 s) and 22 (the one before the last).
  // The right frame differs only by YUV->RGB rounding and chroma upsampling (mean ~6, max ~15 of
  // 255 here); any other frame of the clip differs by a mean of 90 or more.
  const SAME = 10;
  const OTHER = 50;
  const references = [fixture('clip-last.png'), fixture('clip-frame12.png'), fixture('clip-frame22.png')];

  it.each(['clip.mp4', 'clip.webm'])('the last frame of %s equals the true last frame (mediabunny)', async (name) => {
    const frame = ok(await page.evaluate(([url, refs]) => window.mediaHarness.frameVersus(url as string, 'last', refs as string[]), [fixture(name), references] as const));
    expect(frame).toMatchObject({ engine: 'mediabunny', width: 160, height: 120, type: 'image/png' });
    expect(frame.timestampSec).toBeCloseTo(23 / 12, 3);
    expect(frame.diffs[references[0]!]!.mean).toBeLessThan(SAME);
    expect(frame.diffs[references[0]!]!.max).toBeLessThan(40);
    // Discriminative: the frame before the last is far away.
    expect(frame.diffs[references[2]!]!.mean).toBeGreaterThan(OTHER);
  });

  it('the last frame through ffmpeg.wasm (AVI fallback, and forced on MP4) equals the reference', async () => {
    for (const [name, engine] of [['clip.avi', 'auto'], ['clip.mp4', 'ffmpeg']] as const) {
      const frame = ok(await page.evaluate(([url, refs, e]) => window.mediaHarness.frameVersus(url as string, 'last', refs as string[], e as 'auto'), [fixture(name), references, engine] as const));
      expect(frame.engine).toBe('ffmpeg');
      expect(frame.diffs[references[0]!]!.mean).toBeLessThan(SAME);
      expect(frame.diffs[references[2]!]!.mean).toBeGreaterThan(OTHER);
    }
  });

  it('extracts the frame shown at a given time', async () => {
    const frame = ok(await page.evaluate(([url, refs]) => window.mediaHarness.frameVersus(url as string, 1.0, refs as string[]), [fixture('clip.mp4'), references] as const));
    expect(frame.timestampSec).toBeCloseTo(1, 3);
    expect(frame.diffs[references[1]!]!.mean).toBeLessThan(SAME);
    const viaFfmpeg = ok(await page.evaluate(([url, refs]) => window.mediaHarness.frameVersus(url as string, 1.0, refs as string[], 'ffmpeg'), [fixture('clip.mp4'), references] as const));
    expect(viaFfmpeg.diffs[references[1]!]!.mean).toBeLessThan(SAME);
    expect(viaFfmpeg.diffs[references[0]!]!.mean).toBeGreaterThan(OTHER);
  });

  it('rejects a time past the end with frame_out_of_range', async () => {
    const result = await page.evaluate(([url]) => window.mediaHarness.frameVersus(url!, 5, []), [fixture('clip.mp4')]);
    expect(result).toMatchObject({ ok: false, code: 'frame_out_of_range' });
    expect((result as { message: string }).message).toContain('clip.mp4');
  });

  it('makes a thumbnail strip of evenly spaced, distinct frames', async () => {
    for (const [name, engine] of [['clip.mp4', 'mediabunny'], ['clip.avi', 'ffmpeg']] as const) {
      const strip = ok(await page.evaluate(([url]) => window.mediaHarness.strip(url!, 6, 80), [fixture(name)]));
      expect(strip).toMatchObject({ count: 6, width: 80, height: 60, engine });
      expect(strip.types.every((t) => t === 'image/jpeg')).toBe(true);
      expect(Math.max(...strip.bytes)).toBeLessThan(8000);
      const gaps = strip.times.slice(1).map((t, i) => t - strip.times[i]!);
      for (const gap of gaps) expect(gap).toBeCloseTo(2 / 6, 1);
      expect(new Set(strip.means.map((m) => Math.round(m))).size).toBeGreaterThan(4);
    }
  });
});

describe('waveform', () => {
  it('has min/max per bucket with the clicks standing out of the tone', async () => {
    const w = ok(await page.evaluate(([url]) => window.mediaHarness.waveform(url!, 80), [fixture('clicks.wav')]));
    expect(w.max).toHaveLength(80);
    expect(w.durationSec).toBeCloseTo(4, 1);
    expect(w.bucketSec).toBeCloseTo(0.05, 2);
    for (let i = 0; i < 80; i++) expect(w.min[i]!).toBeLessThanOrEqual(w.max[i]!);
    // A click every 0.5 s = every 10 buckets: those buckets peak far above the 220 Hz bed (0.075).
    const loud = w.max.map((v, i) => [v, i] as const).filter(([v]) => v > 0.3).map(([, i]) => i);
    expect(loud.length).toBeGreaterThanOrEqual(8);
    expect(loud.every((i) => i % 10 <= 1)).toBe(true);
    expect(Math.min(...w.max.filter((_, i) => i % 10 >= 3 && i % 10 <= 8))).toBeLessThan(0.15);
  });
});

describe('transcode', () => {
  it('turns an AVI (MPEG-4 Part 2 + MP3) into an H.264 MP4 the browser plays', async () => {
    const out = ok(await page.evaluate(([url]) => window.mediaHarness.transcode(url!, 'mp4-h264'), [fixture('clip.avi')]));
    expect(out).toMatchObject({ name: 'clip.mp4', mimeType: 'video/mp4', playable: true });
    expect(out.probe).toMatchObject({ engine: 'mediabunny', videoCodec: 'avc', audioCodec: 'aac', width: 160, height: 120 });
  });
});

describe('beats', () => {
  it('finds 120 BPM in the click fixtures through the audio worker', async () => {
    for (const name of ['clicks.mp3', 'clicks.aiff']) {
      const beats = ok(await page.evaluate(([url]) => window.mediaHarness.beats(url!), [fixture(name)]));
      expect(beats.bpm).toBeCloseTo(120, 0);
      expect(beats.beats.length).toBeGreaterThanOrEqual(6);
      expect(beats.durationSec).toBeCloseTo(4, 1);
      expect(beats.engine).toBe(name.endsWith('aiff') ? 'ffmpeg' : 'mediabunny');
    }
  });

  it('analyses transferred PCM', async () => {
    const beats = ok(await page.evaluate(() => window.mediaHarness.beatsOfClicks(20, 0.5)));
    expect(beats.bpm).toBeCloseTo(120, 0);
    expect(beats.engine).toBe('pcm');
  });
});

describe('hostile files', () => {
  it.each([
    ['garbage.mp4', 'unsupported_format'],
    ['truncated.mp4', null],
    ['truncated.flac', null],
  ])('%s gives a clear error naming the file, and the worker keeps working', async (name, code) => {
    const result = await page.evaluate(([url]) => window.mediaHarness.probe(url!), [fixture(name)]);
    const decoded = await page.evaluate(([url]) => window.mediaHarness.decode(url!, 22050), [fixture(name)]);
    for (const r of [result, decoded]) {
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.message).toContain(name);
      expect(r.code).toMatch(/^(unsupported_format|corrupt_or_truncated|no_audio_track|no_video_track)$/);
      if (code) expect(r.code).toBe(code);
    }
    const after = ok(await page.evaluate(([url]) => window.mediaHarness.probe(url!), [fixture('clip.mp4')]));
    expect(after.width).toBe(160);
  });

  it('says so when a file has no audio', async () => {
    const result = await page.evaluate(([url]) => window.mediaHarness.decode(url!, 22050), [fixture('clip.webm')]);
    expect(result).toMatchObject({ ok: false, code: 'no_audio_track' });
  });

  it('the supervisor restarts a worker that does not answer in time', async () => {
    const { first, after, restarts } = await page.evaluate(() => window.mediaHarness.supervisorScenario('hang'));
    expect(first).toMatchObject({ ok: false, code: 'timeout' });
    expect((first as { message: string }).message).toContain('stuck.mov');
    expect(after).toEqual({ ok: true, value: 'pong' });
    expect(restarts).toBe(1);
  });

  it('the supervisor replaces a worker that crashed', async () => {
    const { first, after, restarts } = await page.evaluate(() => window.mediaHarness.supervisorScenario('crash'));
    expect(first.ok).toBe(false);
    expect(['worker_crashed', 'timeout']).toContain((first as { code: string }).code);
    expect(after).toEqual({ ok: true, value: 'pong' });
    expect(restarts).toBe(1);
  });

  it('left no uncaught page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
