import { describe, expect, it } from 'vitest';
import { measureLoudness } from '../../../src/core/audio/loudness';
import { DUCKING_FRAME_RATE, mixSoundtrackPcm, type PcmSoundtrackInput } from '../../../src/core/audio/mix-soundtrack';

const RATE = 48_000;
const DUCKING = { depthDb: 12, attackS: 0.2, releaseS: 0.5 };

function tone(freq: number, amp: number, seconds: number): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * RATE) }, (_, n) => amp * Math.sin((2 * Math.PI * freq * n) / RATE));
}

/** Speech stand-in: a 2 kHz carrier switched on and off at syllable rate, seeded noise on top. */
function voice(seconds: number, seed = 3): Float32Array {
  let state = seed;
  const rand = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  return Float32Array.from({ length: Math.round(seconds * RATE) }, (_, n) => {
    const on = Math.sin((2 * Math.PI * 4 * n) / RATE) > -0.5 ? 1 : 0;
    return on * (0.2 * Math.sin((2 * Math.PI * 2000 * n) / RATE) + 0.05 * rand());
  });
}

/** Amplitude of one frequency over a stretch of samples (a single DFT bin). */
function amplitudeAt(x: Float32Array, freq: number, fromS: number, toS: number): number {
  let re = 0;
  let im = 0;
  const a = Math.round(fromS * RATE);
  const b = Math.round(toS * RATE);
  for (let n = a; n < b; n++) {
    re += x[n]! * Math.cos((2 * Math.PI * freq * n) / RATE);
    im += x[n]! * Math.sin((2 * Math.PI * freq * n) / RATE);
  }
  return (2 * Math.hypot(re, im)) / (b - a);
}

function request(over: Partial<PcmSoundtrackInput> = {}): PcmSoundtrackInput {
  return {
    sampleRate: RATE,
    durationS: 20,
    music: { channels: [tone(220, 0.3, 20)], atS: 0, gainDb: 0 },
    voice: [
      { channels: [voice(4)], atS: 3, gainDb: 0 },
      { channels: [voice(4, 9)], atS: 11, gainDb: 0 },
    ],
    clipAudio: [],
    ducking: DUCKING,
    targetLufs: -14,
    truePeakCeilingDbtp: -1,
    ...over,
  };
}

describe('mixSoundtrackPcm', () => {
  const mix = mixSoundtrackPcm(request());

  it('ducks the music by the set depth under each voice part and not elsewhere', () => {
    const [left] = mix.channels;
    const open = amplitudeAt(left, 220, 0.5, 2.5);
    const under = amplitudeAt(left, 220, 3.5, 6.5);
    const between = amplitudeAt(left, 220, 8, 10.5);
    const underSecond = amplitudeAt(left, 220, 11.5, 14.5);
    expect(20 * Math.log10(under / open)).toBeCloseTo(-12, 0);
    expect(20 * Math.log10(underSecond / open)).toBeCloseTo(-12, 0);
    expect(20 * Math.log10(between / open)).toBeCloseTo(0, 1);
    expect(mix.duckingGains.length).toBe(20 * DUCKING_FRAME_RATE);
  });

  it('lands on the loudness target with the true peak under the ceiling, and reports both', () => {
    expect(Math.abs(mix.after.integratedLufs + 14)).toBeLessThanOrEqual(0.2);
    expect(mix.after.truePeakDbtp).toBeLessThanOrEqual(-1);
    const remeasured = measureLoudness(mix.channels, RATE);
    expect(remeasured.integratedLufs).toBeCloseTo(mix.after.integratedLufs, 6);
    expect(Math.abs(mix.before.integratedLufs - mix.after.integratedLufs)).toBeGreaterThan(1);
  });

  it('limits a peaky source instead of missing the target or the ceiling', () => {
    // Clicks at full scale every half second on a quiet bed: gain alone would clip them.
    const bed = tone(110, 0.05, 10);
    for (let s = 0; s < 10; s += 0.5) bed.fill(0.99, Math.round(s * RATE), Math.round(s * RATE) + 40);
    const out = mixSoundtrackPcm(request({ durationS: 10, music: { channels: [bed], atS: 0, gainDb: 0 }, voice: [] }));
    expect(out.after.truePeakDbtp).toBeLessThanOrEqual(-1);
    expect(Math.abs(out.after.integratedLufs + 14)).toBeLessThanOrEqual(0.5);
  });

  it('applies gain, fades and placement, and cuts what runs past the end', () => {
    const out = mixSoundtrackPcm(
      request({
        durationS: 4,
        music: undefined,
        voice: [],
        clipAudio: [{ channels: [tone(440, 0.1, 3), tone(440, 0.1, 3)], atS: 2, gainDb: -6, fadeInS: 1 }],
        targetLufs: -200, // far below: normalisation may not lift; use the raw placement
      }),
    );
    const [left] = out.channels;
    expect(Math.max(...left.subarray(0, 2 * RATE).map(Math.abs))).toBe(0);
    // Half-way through the fade in the part is at half its gain, relative to after the fade.
    const mid = amplitudeAt(left, 440, 2.45, 2.55);
    const full = amplitudeAt(left, 440, 3.2, 3.8);
    expect(mid / full).toBeCloseTo(0.5, 1);
    expect(left.length).toBe(4 * RATE);
  });

  it('returns silence for an empty request and refuses a bad duration', () => {
    const out = mixSoundtrackPcm(request({ durationS: 1, music: undefined, voice: [] }));
    expect(out.after.integratedLufs).toBe(-Infinity);
    expect(() => mixSoundtrackPcm(request({ durationS: 0 }))).toThrow(/must be positive/);
  });
});
