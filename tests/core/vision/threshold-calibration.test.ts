import { describe, expect, it } from 'vitest';
import { calibrateThreshold, labelledPairs, ratesAt, type LabelledPair } from '../../../src/core/vision';

const pair = (similarity: number, same: boolean): LabelledPair => ({ similarity, same });

describe('threshold calibration', () => {
  it('counts false accepts and false rejects at a threshold (at-or-above means same)', () => {
    const pairs = [pair(0.95, true), pair(0.9, true), pair(0.9, false), pair(0.5, false)];
    const r = ratesAt(pairs, 0.9);
    expect(r).toMatchObject({ falseAccepts: 1, falseRejects: 0, far: 0.5, frr: 0, accuracy: 0.75, samePairs: 2, differentPairs: 2 });
  });

  it('puts the threshold in the middle of the gap when the classes separate', () => {
    const pairs = [pair(0.95, true), pair(0.93, true), pair(0.89, false), pair(0.7, false)];
    const r = calibrateThreshold(pairs);
    expect(r.threshold).toBeCloseTo(0.91, 9);
    expect(r).toMatchObject({ far: 0, frr: 0, accuracy: 1 });
  });

  it('balances FAR and FRR at the equal-error point when the classes overlap', () => {
    const pairs = [
      ...[0.99, 0.97, 0.95, 0.8].map((s) => pair(s, true)),
      ...[0.85, 0.6, 0.5, 0.4].map((s) => pair(s, false)),
    ];
    const eer = calibrateThreshold(pairs, 'equal-error');
    expect(eer.far).toBeCloseTo(eer.frr);
    expect(eer.far).toBe(0.25);
    const acc = calibrateThreshold(pairs, 'accuracy');
    expect(acc.accuracy).toBe(0.75 + 0.125);
  });

  it('refuses a set with only one kind of pair, or a NaN similarity', () => {
    expect(() => calibrateThreshold([pair(0.9, true)])).toThrow(/both same-person and different-person/);
    expect(() => calibrateThreshold([pair(Number.NaN, true), pair(0.1, false)])).toThrow(/finite/);
  });

  it('builds every labelled pair once', () => {
    const items = [
      { identity: 'a', value: 1 },
      { identity: 'a', value: 2 },
      { identity: 'b', value: 3 },
    ];
    const pairs = labelledPairs(items, (x, y) => x * y);
    expect(pairs.map((p) => [p.a, p.b, p.same, p.similarity])).toEqual([
      [0, 1, true, 2],
      [0, 2, false, 3],
      [1, 2, false, 6],
    ]);
  });
});
