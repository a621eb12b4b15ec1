import { describe, expect, it } from 'vitest';
import { duckingGains, voiceActivity } from '../../../src/core/audio/ducking';

const FRAME_RATE = 100;
const toDb = (g: number) => 20 * Math.log10(g);

/** Voice from 2 s to 4 s in a 6 s timeline. */
function activity(): Float32Array {
  const a = new Float32Array(6 * FRAME_RATE);
  a.fill(1, 2 * FRAME_RATE, 4 * FRAME_RATE);
  return a;
}

describe('duckingGains', () => {
  const settings = { depthDb: 12, attackS: 0.25, releaseS: 0.5 };
  const gains = duckingGains(activity(), FRAME_RATE, settings);

  it('leaves the music alone well away from the voice', () => {
    expect(gains[0]).toBe(1);
    expect(gains[1.5 * FRAME_RATE]).toBe(1);
    expect(gains[5.9 * FRAME_RATE]).toBe(1);
  });

  it('is fully down for the whole voice (the attack looks ahead)', () => {
    for (let f = 2 * FRAME_RATE; f < 4 * FRAME_RATE; f++) expect(toDb(gains[f]!)).toBeCloseTo(-12, 6);
  });

  it('starts falling one attack time before the voice, in a straight line in dB', () => {
    expect(gains[1.74 * FRAME_RATE]).toBe(1);
    expect(toDb(gains[188]!)).toBeCloseTo(-12 + 12 * 0.48, 6);
    expect(gains[1.8 * FRAME_RATE]!).toBeGreaterThan(gains[1.9 * FRAME_RATE]!);
  });

  it('comes back over the release time', () => {
    expect(toDb(gains[4 * FRAME_RATE - 1 + 25]!)).toBeCloseTo(-6, 0);
    expect(gains[4 * FRAME_RATE + 50]).toBeCloseTo(1, 6);
    for (let f = 4 * FRAME_RATE; f < 4.5 * FRAME_RATE; f++) expect(gains[f + 1]!).toBeGreaterThanOrEqual(gains[f]!);
  });

  it('scales by partial activity and jumps when the times are zero', () => {
    const half = duckingGains(new Float32Array([0, 0.5, 0.5, 0]), 10, { depthDb: 20, attackS: 0, releaseS: 0 });
    expect([...half].map((g) => Math.round(toDb(g)))).toEqual([0, -10, -10, 0]);
  });

  it('refuses negative settings with a sentence', () => {
    expect(() => duckingGains(activity(), FRAME_RATE, { depthDb: -3, attackS: 0.1, releaseS: 0.1 })).toThrow(/non-negative/);
  });
});

describe('voiceActivity', () => {
  it('marks speech frames and bridges the gaps between words', () => {
    const rate = 8000;
    const pcm = new Float32Array(rate * 3);
    // Two words 0.2 s apart, then silence.
    for (let i = 0; i < rate * 0.5; i++) pcm[i] = 0.3 * Math.sin(i * 0.3);
    for (let i = rate * 0.7; i < rate * 1.2; i++) pcm[i] = 0.3 * Math.sin(i * 0.3);
    const a = voiceActivity(pcm, rate, FRAME_RATE);
    expect(a.length).toBe(300);
    expect([...a.subarray(0, 120)].every((v) => v === 1)).toBe(true);
    expect([...a.subarray(125)].every((v) => v === 0)).toBe(true);
  });
});
