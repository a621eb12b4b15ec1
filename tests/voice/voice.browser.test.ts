/**
 * The offline voice and the soundtrack mix in real headless Chromium, through the app's own
 * narrate / listVoices / renderSoundtrack and the real voice and audio workers.
 * Run: npx vitest run --config tests/voice/vitest.config.ts
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARNESS_PATH, launchChromium, startVoiceServer } from './voice-server.mjs';

let browser: Browser;
let page: Page;
let stop: () => Promise<void>;
const pageErrors: string[] = [];

beforeAll(async () => {
  const { server, baseUrl } = await startVoiceServer();
  browser = await launchChromium();
  stop = async () => {
    await browser.close();
    await server.close();
  };
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(baseUrl + HARNESS_PATH);
  await page.waitForFunction(() => document.title === 'voice harness ready', null, { timeout: 60_000 });
});

afterAll(async () => {
  await stop?.();
});

function ok<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.message}`);
  return result.value;
}

const TEXT = 'Volcanoes form where molten rock rises through the crust. When pressure builds, the ground swells.';

describe('offline voice (eSpeak NG in the voice worker)', () => {
  it('speaks audibly for as long as the text needs, with word timings inside the audio', async () => {
    const out = ok(await page.evaluate(([text]) => window.voiceHarness.narrate(text!), [TEXT]));
    expect(out.provider).toBe('offline');
    // 16 words at ~165 words a minute: about 6 s with the pauses.
    expect(out.durationS).toBeGreaterThan(4);
    expect(out.durationS).toBeLessThan(10);
    expect(out.wavDurationS).toBeCloseTo(out.durationS, 3);
    // Speech, not silence and not clipping noise.
    expect(out.rms).toBeGreaterThan(0.02);
    expect(out.rms).toBeLessThan(0.5);
    expect(out.words.map((w) => w.text).join(' ')).toBe(TEXT);
    for (const [i, w] of out.words.entries()) {
      expect(w.endS).toBeGreaterThanOrEqual(w.startS);
      expect(w.endS).toBeLessThanOrEqual(out.durationS + 1e-6);
      if (i > 0) expect(w.startS).toBeGreaterThanOrEqual(out.words[i - 1]!.endS);
    }
    expect(pageErrors).toEqual([]);
  });

  it('speaks faster at a higher speed', async () => {
    const normal = ok(await page.evaluate(([text]) => window.voiceHarness.narrate(text!, 'en-us', 1), [TEXT]));
    const fast = ok(await page.evaluate(([text]) => window.voiceHarness.narrate(text!, 'en-us', 1.6), [TEXT]));
    expect(fast.durationS).toBeLessThan(normal.durationS * 0.8);
  });

  it('speaks higher at a higher pitch: +4 semitones raises the voice by about that much', async () => {
    const normal = ok(await page.evaluate(([text]) => window.voiceHarness.narrate(text!, 'en-us', 1, 0), [TEXT]));
    const higher = ok(await page.evaluate(([text]) => window.voiceHarness.narrate(text!, 'en-us', 1, 4), [TEXT]));
    const semitones = 12 * Math.log2(higher.pitchHz / normal.pitchHz);
    expect(semitones).toBeGreaterThan(2.5);
    expect(semitones).toBeLessThan(5.5);
  });

  it('lists the voices in the package, labelled as offline', async () => {
    const voices = ok(await page.evaluate(() => window.voiceHarness.voices()));
    expect(voices.length).toBeGreaterThan(100);
    const us = voices.find((v) => v.id === 'en-us');
    expect(us?.label).toMatch(/offline \(eSpeak NG\)/);
    expect(voices.some((v) => v.id === 'de')).toBe(true);
  });

  it('refuses empty text with a sentence', async () => {
    const out = await page.evaluate(() => window.voiceHarness.narrate('   '));
    expect(out).toEqual({ ok: false, message: 'There is no text to narrate.' });
  });
});

describe('renderSoundtrack', () => {
  it('ducks the music under both voice parts and lands on -14 LUFS under -1 dBTP', async () => {
    const out = ok(await page.evaluate(() => window.voiceHarness.soundtrack()));
    expect([out.sampleRate, out.channels]).toEqual([48_000, 2]);
    expect(out.durationS).toBeCloseTo(16, 3);
    expect(out.duckDb.first).toBeLessThan(-9);
    expect(out.duckDb.second).toBeLessThan(-9);
    expect(Math.abs(out.duckDb.between)).toBeLessThan(1);
    expect(Math.abs(out.after.integratedLufs + 14)).toBeLessThanOrEqual(0.5);
    expect(out.after.truePeakDbtp).toBeLessThanOrEqual(-1);
    // Measured again on the 16-bit WAV itself, not just as reported.
    expect(Math.abs(out.remeasured.integratedLufs + 14)).toBeLessThanOrEqual(0.5);
    expect(out.remeasured.truePeakDbtp).toBeLessThanOrEqual(-0.95);
    expect(out.before.integratedLufs).not.toBeCloseTo(out.after.integratedLufs, 0);
  });

  it('names the part it cannot decode', async () => {
    const out = await page.evaluate(() => window.voiceHarness.soundtrackFromNonsense());
    expect(out).toEqual({ ok: false, message: 'The music could not be decoded: it is not an audio or video file this browser can read.' });
  });
});
