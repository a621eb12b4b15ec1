import { describe, expect, it } from 'vitest';
import { detectorInput, helperShare, type ImagePixels } from '../../../src/core/vision';

/** A width x height RGBA image whose red channel is x, green y, blue constant. */
function ramp(width: number, height: number): ImagePixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set([x, y, 77, 255], (y * width + x) * 4);
  return { width, height, data };
}

describe('detectorInput', () => {
  it('copies a region already at the input size', () => {
    const image = ramp(200, 150);
    const out = detectorInput(image, { x: 30, y: 10, width: 16, height: 16 }, 16);
    expect([out[0], out[1], out[2], out[3]]).toEqual([30, 10, 77, 255]);
    const last = (15 * 16 + 15) * 4;
    expect([out[last], out[last + 1]]).toEqual([45, 25]);
  });

  it('samples a larger region bilinearly at output pixel centres', () => {
    const image = ramp(200, 150);
    // 4x shrink: output pixel i covers source 4i..4i+3, centre 4i + 1.5.
    const out = detectorInput(image, { x: 0, y: 0, width: 128, height: 128 }, 32);
    expect(out[(5 * 32 + 7) * 4]).toBe(Math.round(7 * 4 + 1.5));
    expect(out[(5 * 32 + 7) * 4 + 1]).toBe(Math.round(5 * 4 + 1.5));
  });

  it('is black past the image (a non-square photo in its square)', () => {
    const image = ramp(100, 50);
    const out = detectorInput(image, { x: 0, y: 0, width: 100, height: 100 }, 10);
    expect(out[(2 * 10 + 3) * 4 + 2]).toBe(77); // inside
    expect([out[(8 * 10 + 3) * 4], out[(8 * 10 + 3) * 4 + 1], out[(8 * 10 + 3) * 4 + 2]]).toEqual([0, 0, 0]); // below the photo
    expect(() => detectorInput(image, { x: 0, y: 0, width: 100, height: 50 }, 10)).toThrow(RangeError);
  });
});

describe('helperShare', () => {
  it('hands the helper about half of the work, and a lone job none', () => {
    expect(helperShare(0)).toBe(0);
    expect(helperShare(1)).toBe(0);
    expect(helperShare(2)).toBe(1);
    expect(helperShare(3)).toBe(2);
    expect(helperShare(4)).toBe(2);
    expect(helperShare(6, 1)).toBe(4);
    expect(helperShare(1, 1)).toBe(1);
    expect(() => helperShare(-1)).toThrow(RangeError);
  });
});
