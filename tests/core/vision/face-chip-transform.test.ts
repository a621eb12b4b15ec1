import { describe, expect, it } from 'vitest';
import {
  FACE_CHIP_SIZE,
  alignedChipTransform,
  chipScale,
  chipTemplate,
  faceApiBoxChipTransform,
  fitSimilarity,
  sampleFaceChip,
  type ChipTransform,
  type Point,
} from '../../../src/core/vision';

const apply = (t: Omit<ChipTransform, 'size'>, p: Point) => ({ x: t.a * p.x + t.b * p.y + t.tx, y: t.c * p.x + t.d * p.y + t.ty });

describe('fitSimilarity', () => {
  it('recovers an exact rotation, scale and shift', () => {
    const from = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 0, y: 10 },
      { x: 7, y: 3 },
    ];
    const angle = 0.3;
    const s = 2.5;
    const to = from.map((p) => ({ x: s * (Math.cos(angle) * p.x - Math.sin(angle) * p.y) + 40, y: s * (Math.sin(angle) * p.x + Math.cos(angle) * p.y) - 7 }));
    const t = fitSimilarity(from, to);
    from.forEach((p, i) => {
      const q = apply(t, p);
      expect(q.x).toBeCloseTo(to[i]!.x, 9);
      expect(q.y).toBeCloseTo(to[i]!.y, 9);
    });
    expect(chipScale({ ...t, size: 1 })).toBeCloseTo(s, 9);
  });

  it('refuses degenerate input', () => {
    expect(() => fitSimilarity([{ x: 1, y: 1 }], [{ x: 1, y: 1 }])).toThrow(/two or more/);
    expect(() => fitSimilarity([{ x: 1, y: 1 }, { x: 1, y: 1 }], [{ x: 0, y: 0 }, { x: 1, y: 1 }])).toThrow(/coincide/);
  });
});

describe('alignedChipTransform', () => {
  it('maps the dlib mean-face points of the chip onto the detected keypoints', () => {
    // A face whose keypoints are the template scaled 2x, rotated 90 degrees and moved.
    const template = chipTemplate();
    const keypoints = template.map((p) => ({ x: 500 - 2 * p.y, y: 100 + 2 * p.x }));
    const t = alignedChipTransform({ keypoints: [...keypoints, { x: 0, y: 0 }, { x: 0, y: 0 }] });
    expect(t.size).toBe(FACE_CHIP_SIZE);
    expect(chipScale(t)).toBeCloseTo(2, 9);
    template.forEach((p, i) => {
      const q = apply(t, p);
      expect(q.x).toBeCloseTo(keypoints[i]!.x, 9);
      expect(q.y).toBeCloseTo(keypoints[i]!.y, 9);
    });
  });

  it('puts the eyes level and 0.528/1.5 of the chip apart (dlib chip, padding 0.25)', () => {
    const [right, left] = chipTemplate();
    expect(right!.y).toBeCloseTo(left!.y);
    expect((left!.x - right!.x) / FACE_CHIP_SIZE).toBeCloseTo((0.754 - 0.226) / 1.5);
  });

  it('needs eyes, nose and mouth', () => {
    expect(() => alignedChipTransform({ keypoints: [{ x: 1, y: 1 }] })).toThrow(/eyes, nose and mouth/);
  });
});

describe('faceApiBoxChipTransform', () => {
  it('pads the short side evenly (padToSquare, centred) and scales to 150', () => {
    const t = faceApiBoxChipTransform([10.7, 20.2, 100, 60]); // floored to [10, 20, 100, 60]
    expect(t.a).toBeCloseTo(100 / 150);
    expect(t.tx).toBe(10);
    expect(t.ty).toBe(20 - 20); // 40 rows of padding: 20 before, 20 after
    expect(t.crop).toMatchObject({ x: 10, y: 20, width: 100, height: 60, side: 100 });
  });
});

describe('sampleFaceChip', () => {
  const image = (w: number, h: number, f: (x: number, y: number) => [number, number, number]) => {
    const data = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const [r, g, b] = f(x, y);
        data.set([r, g, b, 255], (y * w + x) * 4);
      }
    return { data, width: w, height: h };
  };

  it('reproduces an image under the identity transform, RGB interleaved', () => {
    const img = image(4, 4, (x, y) => [x * 10, y * 10, 7]);
    const chip = sampleFaceChip(img, { a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0, size: 4 });
    expect(Array.from(chip.slice(0, 6))).toEqual([0, 0, 7, 10, 0, 7]);
    expect(chip[(3 * 4 + 2) * 3 + 1]).toBe(30);
  });

  it('fills outside the image with black, like face-api zero padding', () => {
    const img = image(2, 2, () => [200, 200, 200]);
    const chip = sampleFaceChip(img, { a: 1, b: 0, c: 0, d: 1, tx: -10, ty: -10, size: 2 });
    expect(Array.from(chip)).toEqual(new Array(12).fill(0));
  });

  it('averages a large face down instead of aliasing', () => {
    // A pixel checkerboard shrunk 4x, sampled on pixel centres: its true mean is 127.5 everywhere;
    // one bilinear sample per chip pixel lands on black pixels only.
    const img = image(64, 64, (x, y) => ((x + y) % 2 ? [255, 255, 255] : [0, 0, 0]));
    const t = { a: 4, b: 0, c: 0, d: 4, tx: 0.5, ty: 0.5, size: 15 };
    const mean = (c: Float32Array) => c.reduce((s, v) => s + v, 0) / c.length;
    expect(mean(sampleFaceChip(img, t))).toBeCloseTo(127.5, 5);
    expect(mean(sampleFaceChip(img, t, { antialias: false }))).toBe(0);
  });

  it('matches tfjs resizeBilinear on a face-api box chip (indices, clamped at the last row)', () => {
    // 3x3 crop resized to 2x2 by tfjs: source index = dst * 1.5 -> rows/cols 0 and 1.5.
    const img = image(3, 3, (x, y) => [x * 30 + y * 3, 0, 0]);
    const t = faceApiBoxChipTransform([0, 0, 3, 3], 2);
    const chip = sampleFaceChip(img, t);
    const red = [0, 1, 2, 3].map((i) => chip[i * 3]);
    // (0,0) -> 0; (1.5,0) -> mean of x=1,2 -> 45; (0,1.5) -> 4.5; (1.5,1.5) -> 49.5
    expect(red).toEqual([0, 45, 4.5, 49.5]);
  });

  it('rejects mismatched buffers with sizes in the message', () => {
    expect(() => sampleFaceChip({ data: new Uint8ClampedArray(4), width: 2, height: 2 }, { a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0, size: 2 })).toThrow(/4 bytes for a 2x2/);
  });
});
