import type { ChipTransform, CropWindow } from './face-chip-transform';
import type { ImagePixels } from './face-types';

export interface ChipSamplingOptions {
  /**
   * Average several bilinear samples per chip pixel when the face is larger than the chip, so a big
   * face is shrunk without aliasing. Up to `maxSupersample`² samples per pixel. Default true, except
   * for face-api box chips (which reproduce tfjs's plain bilinear resize).
   */
  antialias?: boolean;
  maxSupersample?: number;
}

/**
 * Resamples the face region of an RGBA image into a chip: Float32 RGB, NHWC (row-major, 3 values per
 * pixel), 0..255, which is what the recognition net's "pixels" input takes. Areas outside the image
 * are black, as face-api's zero padding.
 * @param out optional destination (size*size*3 floats), to fill a batch buffer in place.
 */
export function sampleFaceChip(
  image: ImagePixels,
  t: ChipTransform & { halfPixel?: boolean; crop?: CropWindow },
  options: ChipSamplingOptions = {},
  out = new Float32Array(t.size * t.size * 3),
): Float32Array {
  const { width, height, data } = image;
  if (data.length < width * height * 4) {
    throw new RangeError(`[vision] sampleFaceChip: ${data.length} bytes for a ${width}x${height} RGBA image`);
  }
  if (out.length !== t.size * t.size * 3) throw new RangeError(`[vision] sampleFaceChip: output holds ${out.length} floats, needs ${t.size * t.size * 3}`);
  // tfjs resizeBilinear (face-api) works on pixel indices; our aligned chips on pixel centres.
  const half = t.halfPixel === false ? 0 : 0.5;
  const scale = Math.sqrt(Math.abs(t.a * t.d - t.b * t.c));
  // face-api's resizeBilinear does not antialias; match it when reproducing its chips.
  const antialias = options.antialias ?? !t.crop;
  const n = antialias ? Math.max(1, Math.min(options.maxSupersample ?? 4, Math.ceil(scale - 1e-6))) : 1;
  const crop = t.crop;
  // Readable pixel range: the whole image, or face-api's crop.
  const minX = crop ? Math.max(0, crop.x) : 0;
  const minY = crop ? Math.max(0, crop.y) : 0;
  const maxX = crop ? Math.min(width, crop.x + crop.width) : width;
  const maxY = crop ? Math.min(height, crop.y + crop.height) : height;
  // Neighbour indices clamp at face-api's padded square; no clamp for aligned chips.
  const clampX = crop ? crop.squareX + crop.side - 1 : Infinity;
  const clampY = crop ? crop.squareY + crop.side - 1 : Infinity;
  const k = 1 / (n * n);
  const { a, b, c, d, tx, ty, size } = t;

  // One bilinear tap loop, inlined: this runs up to 16 x 4 times per chip pixel (big faces).
  for (let v = 0; v < size; v++) {
    for (let u = 0; u < size; u++) {
      let r = 0;
      let g = 0;
      let bl = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          // Sub-sample positions spread evenly over the chip pixel's footprint.
          const cu = u + (n === 1 ? half : (sx + 0.5) / n);
          const cv = v + (n === 1 ? half : (sy + 0.5) / n);
          // Image coordinates to pixel-index space (centre of pixel i at i).
          const fx = a * cu + b * cv + tx - half;
          const fy = c * cu + d * cv + ty - half;
          const x0 = Math.floor(fx);
          const y0 = Math.floor(fy);
          const wx = fx - x0;
          const wy = fy - y0;
          if (x0 >= minX && y0 >= minY && x0 + 1 < maxX && y0 + 1 < maxY && x0 + 1 <= clampX && y0 + 1 <= clampY) {
            // All four taps inside: the common case, without per-tap checks (same sums, same order).
            const w00 = (1 - wx) * (1 - wy);
            const w01 = wx * (1 - wy);
            const w10 = (1 - wx) * wy;
            const w11 = wx * wy;
            const i = (y0 * width + x0) * 4;
            const j = i + width * 4;
            r += w00 * data[i]! + w01 * data[i + 4]! + w10 * data[j]! + w11 * data[j + 4]!;
            g += w00 * data[i + 1]! + w01 * data[i + 5]! + w10 * data[j + 1]! + w11 * data[j + 5]!;
            bl += w00 * data[i + 2]! + w01 * data[i + 6]! + w10 * data[j + 2]! + w11 * data[j + 6]!;
            continue;
          }
          let sr = 0;
          let sg = 0;
          let sb = 0;
          for (let dy = 0; dy <= 1; dy++) {
            const yy = Math.min(y0 + dy, clampY);
            const wyy = dy ? wy : 1 - wy;
            if (wyy === 0 || yy < minY || yy >= maxY) continue;
            for (let dx = 0; dx <= 1; dx++) {
              const xx = Math.min(x0 + dx, clampX);
              const w = (dx ? wx : 1 - wx) * wyy;
              if (w === 0 || xx < minX || xx >= maxX) continue;
              const i = (yy * width + xx) * 4;
              sr += w * data[i]!;
              sg += w * data[i + 1]!;
              sb += w * data[i + 2]!;
            }
          }
          r += sr;
          g += sg;
          bl += sb;
        }
      }
      const o = (v * size + u) * 3;
      out[o] = r * k;
      out[o + 1] = g * k;
      out[o + 2] = bl * k;
    }
  }
  return out;
}
