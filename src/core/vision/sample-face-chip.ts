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
  const rgb = [0, 0, 0];
  const crop = t.crop;
  // Readable pixel range: the whole image, or face-api's crop.
  const minX = crop ? Math.max(0, crop.x) : 0;
  const minY = crop ? Math.max(0, crop.y) : 0;
  const maxX = crop ? Math.min(width, crop.x + crop.width) : width;
  const maxY = crop ? Math.min(height, crop.y + crop.height) : height;

  const bilinear = (x: number, y: number) => {
    // Image coordinates to pixel-index space (centre of pixel i at i).
    const fx = x - half;
    const fy = y - half;
    const x0 = Math.floor(fx);
    const y0 = Math.floor(fy);
    const wx = fx - x0;
    const wy = fy - y0;
    rgb[0] = rgb[1] = rgb[2] = 0;
    for (let dy = 0; dy <= 1; dy++) {
      const yy = crop ? Math.min(y0 + dy, crop.squareY + crop.side - 1) : y0 + dy;
      const wyy = dy ? wy : 1 - wy;
      if (wyy === 0 || yy < minY || yy >= maxY) continue;
      for (let dx = 0; dx <= 1; dx++) {
        const xx = crop ? Math.min(x0 + dx, crop.squareX + crop.side - 1) : x0 + dx;
        const w = (dx ? wx : 1 - wx) * wyy;
        if (w === 0 || xx < minX || xx >= maxX) continue;
        const i = (yy * width + xx) * 4;
        rgb[0] += w * data[i]!;
        rgb[1] += w * data[i + 1]!;
        rgb[2] += w * data[i + 2]!;
      }
    }
  };

  for (let v = 0; v < t.size; v++) {
    for (let u = 0; u < t.size; u++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          // Sub-sample positions spread evenly over the chip pixel's footprint.
          const cu = u + (n === 1 ? half : (sx + 0.5) / n);
          const cv = v + (n === 1 ? half : (sy + 0.5) / n);
          bilinear(t.a * cu + t.b * cv + t.tx, t.c * cu + t.d * cv + t.ty);
          r += rgb[0]!;
          g += rgb[1]!;
          b += rgb[2]!;
        }
      }
      const o = (v * t.size + u) * 3;
      const k = 1 / (n * n);
      out[o] = r * k;
      out[o + 1] = g * k;
      out[o + 2] = b * k;
    }
  }
  return out;
}
