import { describe, expect, it } from 'vitest';
import { makeCharacterProfile, scoreCharacterConsistency, similarityToCharacter } from '../../../src/core/vision';

const v = (...xs: number[]) => Float32Array.from(xs);

describe('character profile', () => {
  it('keeps the centroid and how far its references spread', () => {
    const c = makeCharacterProfile('ava', [v(1, 0, 0), v(0.8, 0.6, 0)]);
    expect(c.centroid.length).toBe(3);
    expect(c.minReferenceSimilarity).toBeGreaterThan(0.9);
    expect(() => makeCharacterProfile('nobody', [])).toThrow(/"nobody": needs at least one/);
  });

  it('matches a face to the nearest reference when that beats the centroid', () => {
    const c = makeCharacterProfile('ava', [v(1, 0), v(0, 1)]);
    expect(similarityToCharacter(v(0, 1), c)).toBeCloseTo(1);
  });
});

describe('scoreCharacterConsistency', () => {
  const ava = makeCharacterProfile('ava', [v(1, 0, 0)]);

  it('takes the best face per frame and does not count frames without faces', () => {
    const report = scoreCharacterConsistency(
      ava,
      [
        { at: 0, faces: [{ embedding: v(0, 1, 0) }, { embedding: v(0.99, 0.1, 0) }] },
        { at: 1, faces: [{ embedding: v(0, 0, 1) }] },
        { at: 2, faces: [] },
        { at: 3, faces: [{ embedding: null }] },
      ],
      0.9,
    );
    expect(report.frames.map((f) => f.status)).toEqual(['match', 'other_faces', 'no_face', 'no_face']);
    expect(report.frames[0]).toMatchObject({ faceIndex: 1 });
    expect(report.framesWithFace).toBe(2);
    expect(report.score).toBe(0.5);
    expect(report.minSimilarity).toBeCloseTo(0);
  });

  it('has no score when no frame shows a face', () => {
    const report = scoreCharacterConsistency(ava, [{ at: 0, faces: [] }], 0.9);
    expect(report).toMatchObject({ score: null, meanSimilarity: null, minSimilarity: null, framesWithFace: 0 });
  });
});
