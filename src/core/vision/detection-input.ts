import type { Tile } from './detection-tiles';
import type { ImagePixels } from './face-types';

/** BlazeFace short-range's input side: MediaPipe resizes whatever it is given to this. */
export const DETECTOR_INPUT_SIZE = 128;

/**
 * The square `region` of `image` resampled to side x side RGBA for one detector pass: one bilinear
 * sample per output pixel at its centre (what MediaPipe's own GPU resize does), black where the
 * region reaches past the image. MediaPipe uploads its input to a WebGL texture (software GL here)
 * and rebuilds its buffers whenever the input size changes; handed its own 128 x 128, a pass costs
 * the same for any tile, and a large photo needs no copies of its tiles at full size.
 * @param out optional destination (side*side*4 bytes)
 */
export function detectorInput(
  image: ImagePixels,
  region: Tile,
  side = DETECTOR_INPUT_SIZE,
  out: Uint8ClampedArray<ArrayBuffer> = new Uint8ClampedArray(side * side * 4),
): Uint8ClampedArray<ArrayBuffer> {
  const { width, height, data } = image;
  if (!(region.width > 0) || region.width !== region.height) throw new RangeError(`[vision] detectorInput: region ${JSON.stringify(region)} is not a square`);
  if (out.length !== side * side * 4) throw new RangeError(`[vision] detectorInput: output holds ${out.length} bytes, needs ${side * side * 4}`);
  const scale = region.width / side;
  const at = (x: number, y: number, c: number) => (x >= 0 && y >= 0 && x < width && y < height ? data[(y * width + x) * 4 + c]! : 0);
  for (let j = 0; j < side; j++) {
    const fy = region.y + (j + 0.5) * scale - 0.5;
    const y0 = Math.floor(fy);
    const wy = fy - y0;
    for (let i = 0; i < side; i++) {
      const fx = region.x + (i + 0.5) * scale - 0.5;
      const x0 = Math.floor(fx);
      const wx = fx - x0;
      const o = (j * side + i) * 4;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
        const a = (y0 * width + x0) * 4;
        const c = a + width * 4;
        for (let k = 0; k < 3; k++) {
          const top = data[a + k]! + (data[a + 4 + k]! - data[a + k]!) * wx;
          const bottom = data[c + k]! + (data[c + 4 + k]! - data[c + k]!) * wx;
          out[o + k] = top + (bottom - top) * wy;
        }
      } else {
        // At or past the image's edge: missing neighbours are black.
        for (let k = 0; k < 3; k++) {
          const top = at(x0, y0, k) * (1 - wx) + at(x0 + 1, y0, k) * wx;
          const bottom = at(x0, y0 + 1, k) * (1 - wx) + at(x0 + 1, y0 + 1, k) * wx;
          out[o + k] = top + (bottom - top) * wy;
        }
      }
      out[o + 3] = 255;
    }
  }
  return out;
}
