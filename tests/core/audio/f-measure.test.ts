import { describe, expect, it } from 'vitest';
import { beatFMeasure } from '../../../src/core/audio/f-measure';

describe('beatFMeasure', () => {
  it('is 1 for identical lists and 0 when either is empty', () => {
    expect(beatFMeasure([1, 2, 3], [1, 2, 3]).fMeasure).toBe(1);
    expect(beatFMeasure([], [1]).fMeasure).toBe(0);
    expect(beatFMeasure([1], []).fMeasure).toBe(0);
  });

  it('counts hits inside ±70 ms, inclusive', () => {
    expect(beatFMeasure([1], [1.07]).hits).toBe(1);
    expect(beatFMeasure([1], [0.93]).hits).toBe(1);
    expect(beatFMeasure([1], [1.0701]).hits).toBe(0);
    expect(beatFMeasure([1], [1.03], { toleranceSec: 0.02 }).hits).toBe(0);
  });

  it('matches one-to-one: two estimates near one beat count once', () => {
    const s = beatFMeasure([1, 2], [0.98, 1.02, 2]);
    expect(s.hits).toBe(2);
    expect(s.precision).toBeCloseTo(2 / 3, 12);
    expect(s.recall).toBe(1);
    expect(s.fMeasure).toBeCloseTo(0.8, 12);
  });

  it('finds the maximum matching where a greedy nearest-neighbour choice would not', () => {
    // 1.06 is nearest to ref 1.1, but must go to ref 1.0 so that 1.11 can take 1.1.
    expect(beatFMeasure([1.0, 1.1], [1.06, 1.11]).hits).toBe(2);
  });

  it('computes F = 2PR/(P+R) and half-tempo scores as in MIREX', () => {
    const ref = Array.from({ length: 20 }, (_, i) => i * 0.5);
    const half = ref.filter((_, i) => i % 2 === 0);
    const s = beatFMeasure(ref, half);
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
    expect(s.fMeasure).toBeCloseTo(2 / 3, 12);
  });

  it('can skip the first seconds like mir_eval evaluations', () => {
    const s = beatFMeasure([1, 2, 6, 7], [6, 7], { skipBeforeSec: 5 });
    expect(s.fMeasure).toBe(1);
  });
});
