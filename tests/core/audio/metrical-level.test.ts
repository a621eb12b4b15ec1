import { describe, expect, it } from 'vitest';
import { analyzeBeats } from '../../../src/core/audio/analyze-beats';
import { beatFMeasure } from '../../../src/core/audio/f-measure';
import { chooseMetricalLevel, framesAtLevel, type MetricalLevelFeatures } from '../../../src/core/audio/metrical-level';
import { backbeatGroove, renderDrums } from './drum-loop';

const RATE = 22_050;

function groove(bpm: number, hatGain?: number) {
  const g = backbeatGroove(bpm, 8, hatGain === undefined ? {} : { hatGain });
  return { pcm: renderDrums(g.hits, g.durationSec, RATE), beats: g.beats };
}

describe('metrical level from the drums', () => {
  // Grooves the tempo search alone gets wrong, the tempo it picks, and what the drums make of it.
  it.each([
    { what: 'halves a grid on the eighth notes of a slow backbeat', bpm: 70, hats: undefined, tracked: 140 },
    { what: 'doubles a grid that counts every other beat of a fast backbeat (added beats on the snares)', bpm: 180, hats: undefined, tracked: 90 },
    // Loud eighth-note hats make every multiple of the half-beat periodic; the prior then picks 2/3 of the tempo.
    { what: 'moves a 3:2 grid of a fast groove with loud hi-hats to 3/2 of its tempo', bpm: 160, hats: 1.5, tracked: 106.7 },
  ])('$what', ({ bpm, hats, tracked }) => {
    const { pcm, beats } = groove(bpm, hats);
    expect(analyzeBeats(pcm, RATE, { levelFromDrums: false }).bpm).toBeCloseTo(tracked, 0);
    const fixed = analyzeBeats(pcm, RATE);
    expect(fixed.bpm).toBeCloseTo(bpm, 0);
    expect(beatFMeasure(beats, fixed.beats).fMeasure).toBeGreaterThan(0.95);
  });

  it('leaves grooves at a usual tempo where they are', () => {
    for (const bpm of [100, 120, 140]) {
      const { pcm, beats } = groove(bpm);
      const r = analyzeBeats(pcm, RATE);
      expect(r.bpm).toBeCloseTo(bpm, 0);
      expect(beatFMeasure(beats, r.beats).fMeasure).toBeGreaterThan(0.97);
    }
  });

  const features = (over: Partial<MetricalLevelFeatures>): MetricalLevelFeatures => ({
    bpm: 120,
    alternation2: 0.5,
    alternation4: 0.2,
    alternationHalf: 0.2,
    evenOddContrast: 0.05,
    halfBeatStrength: 0.3,
    drumsAtThirds: 0.2,
    thirdsSwapping: 0.3,
    ...over,
  });

  it('needs clear evidence and a plausible result before moving the grid', () => {
    expect(chooseMetricalLevel(null)).toBe('detected');
    expect(chooseMetricalLevel(features({}))).toBe('detected');
    expect(chooseMetricalLevel(features({ alternation4: 0.9, alternation2: 0.2, evenOddContrast: 0.3 }))).toBe('half');
    // Halving 80 BPM would leave 40: not done.
    expect(chooseMetricalLevel(features({ bpm: 80, alternation4: 0.9, alternation2: 0.2, evenOddContrast: 0.3 }))).toBe('detected');
    expect(chooseMetricalLevel(features({ bpm: 90, alternationHalf: 0.8, alternation2: 0.2 }))).toBe('double');
    expect(chooseMetricalLevel(features({ bpm: 90, halfBeatStrength: 0.95 }))).toBe('double');
    // Doubling 150 BPM would give 300: not done.
    expect(chooseMetricalLevel(features({ bpm: 150, halfBeatStrength: 0.95 }))).toBe('detected');
    // Drums on the thirds, swapping sides: a 3:2 grid. Always on the late third: swing, left alone.
    expect(chooseMetricalLevel(features({ drumsAtThirds: 1.3, thirdsSwapping: 0.9 }))).toBe('three-halves');
    expect(chooseMetricalLevel(features({ drumsAtThirds: 1.3, thirdsSwapping: 0.1 }))).toBe('detected');
  });

  it('keeps the stronger phase when halving and puts added beats on the onsets between', () => {
    const envelope = new Float32Array(100);
    for (const t of [10, 30, 50, 70, 90]) envelope[t] = 2; // strong
    for (const t of [20, 40, 60, 80]) envelope[t] = 0.5; // weak
    expect(framesAtLevel([10, 20, 30, 40, 50, 60, 70, 80, 90], 'half', envelope)).toEqual([10, 30, 50, 70, 90]);
    expect(framesAtLevel([20, 40, 60, 80], 'half', envelope)).toEqual([20, 60]);
    const offGrid = new Float32Array(100);
    offGrid[31] = 1; // the half-beat lands a frame late
    expect(framesAtLevel([20, 40], 'double', offGrid)).toEqual([20, 31, 40]);
    expect(framesAtLevel([20, 40], 'detected', offGrid)).toEqual([20, 40]);
    // Three-halves: two beats fit between every other tracked beat.
    expect(framesAtLevel([0, 30, 60, 90, 120], 'three-halves', new Float32Array(130))).toEqual([0, 20, 40, 60, 80, 100, 120]);
  });
});
