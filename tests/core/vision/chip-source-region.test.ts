import { describe, expect, it } from 'vitest';
import { alignedChipTransform, chipSourceRegion, chipTemplate, sampleFaceChip, transformIntoRegion, type ImagePixels } from '../../../src/core/vision';

/** A noisy RGBA image, so any misplaced read shows in the chip. */
function noise(width: number, height: number): ImagePixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
  return { data, width, height };
}

/** Pixels of `region` of `image`, as bitmapPixels(image, region) reads them in the worker. */
function crop(image: ImagePixels, region: { x: number; y: number; width: number; height: number }): ImagePixels {
  const data = new Uint8ClampedArray(region.width * region.height * 4);
  for (let row = 0; row < region.height; row++) {
    const start = ((region.y + row) * image.width + region.x) * 4;
    data.set(image.data.subarray(start, start + region.width * 4), row * region.width * 4);
  }
  return { data, width: region.width, height: region.height };
}

/** An aligned chip transform for a face of `side` px at (x, y), tilted by `skew`. */
function faceAt(x: number, y: number, side: number, skew = 0) {
  const s = side / 150;
  return alignedChipTransform({ keypoints: chipTemplate().map((p) => ({ x: x + p.x * s + skew * p.y, y: y + p.y * s - skew * p.x })) });
}

describe('chipSourceRegion', () => {
  const image = noise(400, 300);

  it('gives the same chip from the region as from the whole image', () => {
    for (const t of [faceAt(60, 40, 90), faceAt(100, 20, 260, 0.3), faceAt(-50, 200, 200, -0.2), faceAt(330, 250, 120)]) {
      const region = chipSourceRegion(t, image.width, image.height)!;
      expect(region.width * region.height).toBeLessThanOrEqual(image.width * image.height);
      const whole = sampleFaceChip(image, t);
      const part = sampleFaceChip(crop(image, region), transformIntoRegion(t, region));
      let worst = 0;
      for (let i = 0; i < whole.length; i++) worst = Math.max(worst, Math.abs(whole[i]! - part[i]!));
      expect(worst).toBeLessThan(1e-9);
    }
  });

  it('is much smaller than the photo for a small face, and null off the image', () => {
    const region = chipSourceRegion(faceAt(60, 40, 90), 4000, 3000)!;
    expect(region.width).toBeLessThan(300);
    expect(region.height).toBeLessThan(300);
    expect(chipSourceRegion(faceAt(5000, 5000, 90), 4000, 3000)).toBeNull();
  });
});
