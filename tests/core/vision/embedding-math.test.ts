import { describe, expect, it } from 'vitest';
import { centroid, cosineSimilarity, euclideanDistance, l2Normalize } from '../../../src/core/vision';

describe('embedding maths', () => {
  it('normalizes to unit length and keeps a zero vector zero', () => {
    const v = l2Normalize([3, 4]);
    expect(Array.from(v)).toEqual([0.6000000238418579, 0.800000011920929]);
    expect(Array.from(l2Normalize([0, 0, 0]))).toEqual([0, 0, 0]);
  });

  it('computes cosine similarity independent of scale', () => {
    expect(cosineSimilarity([1, 0], [5, 0])).toBeCloseTo(1);
    expect(cosineSimilarity([1, 0], [0, 2])).toBeCloseTo(0);
    expect(cosineSimilarity([1, 1], [-2, -2])).toBeCloseTo(-1);
    expect(cosineSimilarity([0, 0], [1, 2])).toBe(0);
  });

  it('rejects vectors of different lengths with a message naming both', () => {
    expect(() => cosineSimilarity([1, 2], [1, 2, 3])).toThrow(/differ in length \(2 vs 3\)/);
    expect(() => euclideanDistance([1], [1, 2])).toThrow(/differ in length/);
  });

  it('takes the centroid of normalized references, so no reference dominates by its norm', () => {
    const c = centroid([
      [10, 0],
      [0, 1],
    ]);
    expect(c[0]).toBeCloseTo(Math.SQRT1_2);
    expect(c[1]).toBeCloseTo(Math.SQRT1_2);
    expect(() => centroid([])).toThrow(/at least one/);
  });

  it('measures euclidean distance', () => {
    expect(euclideanDistance([0, 0], [3, 4])).toBe(5);
  });
});
