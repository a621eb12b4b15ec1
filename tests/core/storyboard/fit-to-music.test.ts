import { describe, expect, it } from 'vitest';
import { fitToMusic, scaleToTotal } from '../../../src/core/storyboard';

const grid = (bpm: number, seconds: number, offset = 0) => Array.from({ length: Math.floor(((seconds - offset) * bpm) / 60) + 1 }, (_, i) => offset + (i * 60) / bpm);
const clips = (lengths: number[], min = 1, max = 8) => lengths.map((seconds, i) => ({ id: `c${i}`, seconds, minSeconds: min, maxSeconds: max }));

describe('fit to music', () => {
  it('puts every cut on a beat and ends with the music', () => {
    const fps = 30;
    const beats = grid(120, 20); // a beat every 0.5 s
    const result = fitToMusic({ clips: clips([4, 3, 5, 4, 2]), grid: beats, fps, end: 20 });
    expect(result.frames.reduce((a, b) => a + b, 0)).toBe(20 * fps);
    expect(result.onBeat).toBe(4);
    for (const cut of result.cuts) expect(beats.some((b) => Math.abs(b - cut) < 1 / fps)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('snaps to an off-grid beat phase and a section of the music', () => {
    const fps = 25;
    const beats = grid(100, 60, 0.23);
    const result = fitToMusic({ clips: clips([2, 2, 2, 2]), grid: beats, fps, start: 10, end: 22 });
    expect(result.totalSeconds).toBe(12);
    for (const cut of result.cuts) expect(beats.some((b) => Math.abs(b - 10 - cut) <= 0.5 / fps)).toBe(true);
  });

  it('keeps each clip within its limits, even when that moves a cut off the beat', () => {
    const fps = 30;
    // Beats every 3 s, clips of at most 2 s: no cut can land on a beat.
    const result = fitToMusic({ clips: clips([2, 2, 2], 1, 2), grid: grid(20, 30), fps, end: 6 });
    expect(result.frames).toEqual([60, 60, 60]);
    expect(result.onBeat).toBeLessThan(2);
    expect(result.warnings.join(' ')).toMatch(/could not land on a beat/);
  });

  it('says when the clips cannot fill the music', () => {
    const result = fitToMusic({ clips: clips([4, 4], 1, 5), grid: grid(120, 30), fps: 30, end: 30 });
    expect(result.totalSeconds).toBe(10);
    expect(result.warnings.join(' ')).toMatch(/ends before the music/);
  });

  it('scales to a total in whole frames within bounds', () => {
    const out = scaleToTotal([100, 100, 100], [30, 30, 30], [120, 400, 400], 600);
    expect(out.reduce((a, b) => a + b, 0)).toBe(600);
    expect(out[0]).toBe(120);
  });
});
