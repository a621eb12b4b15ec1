import type { ChipTransform } from './face-chip-transform';
import type { Tile } from './detection-tiles';

/**
 * The image pixels a chip can read: the bounding box of the chip's footprint under `t`, grown by
 * the bilinear taps' reach, clipped to the image. Reading only this region (instead of the whole
 * photo) gives the same chip: every tap outside it falls outside the image and reads black anyway.
 * Null when the chip lies wholly outside the image.
 */
export function chipSourceRegion(t: ChipTransform, imageWidth: number, imageHeight: number): Tile | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [u, v] of [[0, 0], [t.size, 0], [0, t.size], [t.size, t.size]] as const) {
    xs.push(t.a * u + t.b * v + t.tx);
    ys.push(t.c * u + t.d * v + t.ty);
  }
  // Taps reach one pixel either side of a sample (floor, floor + 1, and the half-pixel shift).
  const x0 = Math.max(0, Math.floor(Math.min(...xs)) - 2);
  const y0 = Math.max(0, Math.floor(Math.min(...ys)) - 2);
  const x1 = Math.min(imageWidth, Math.ceil(Math.max(...xs)) + 2);
  const y1 = Math.min(imageHeight, Math.ceil(Math.max(...ys)) + 2);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/** `t` for the same chip read from `region` instead of the whole image. */
export function transformIntoRegion<T extends ChipTransform>(t: T, region: Pick<Tile, 'x' | 'y'>): T {
  return { ...t, tx: t.tx - region.x, ty: t.ty - region.y };
}
