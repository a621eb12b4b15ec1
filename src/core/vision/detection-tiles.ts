import type { DetectedFace } from './face-types';

/** Overlapping square tiles for a second detection pass that finds faces too small for one pass. */

export interface Tile {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Evenly spread tiles of side `side` covering a width x height image with at least `overlap`
 * (fraction of the side) between neighbours, so a face cut by one tile edge is whole in another.
 * Empty when the image is not larger than one tile.
 */
export function detectionTiles(width: number, height: number, side: number, overlap = 0.25): Tile[] {
  if (!(side > 0) || !(width > 0) || !(height > 0)) throw new RangeError(`[vision] detectionTiles: bad sizes ${width}x${height}, side ${side}`);
  if (width <= side && height <= side) return [];
  const starts = (length: number) => {
    if (length <= side) return [0];
    const count = Math.ceil((length - side) / (side * (1 - overlap))) + 1;
    const step = (length - side) / (count - 1);
    return Array.from({ length: count }, (_, i) => Math.round(i * step));
  };
  const tiles: Tile[] = [];
  for (const y of starts(height)) {
    for (const x of starts(width)) tiles.push({ x, y, width: Math.min(side, width - x), height: Math.min(side, height - y) });
  }
  return tiles;
}

/** Images whose short side is below this get no tile pass: their faces are large enough for one pass. */
export const MIN_SHORT_SIDE_FOR_TILES = 720;

/**
 * Tile side for the second pass, or null when one pass suffices. BlazeFace short-range (128x128
 * input) finds faces down to about an eighth of the image side; tiles of 0.6 x the short side (two
 * rows) extend that to about 1/14 of the short side at 5-8 extra passes.
 */
export function autoTileSide(width: number, height: number): number | null {
  const short = Math.min(width, height);
  return short >= MIN_SHORT_SIDE_FOR_TILES ? Math.round(short * 0.6) : null;
}

/** Tile passes see upscaled content and raise more confident false positives (a wine glass at 0.74). */
export const TILE_MIN_SCORE = 0.8;

/**
 * Whether a detection from a tile pass is trusted: tiles are there for small faces, so a box over
 * half the tile side is left to the whole-image pass, a box cut by an inner tile edge is a partial
 * face that a neighbouring tile (which overlaps by a quarter) sees whole, and the score must reach
 * TILE_MIN_SCORE.
 */
export function keepTileDetection(face: Pick<DetectedFace, 'box' | 'score'>, tile: Tile, imageWidth: number, imageHeight: number): boolean {
  if (face.score < TILE_MIN_SCORE) return false;
  const [x, y, w, h] = face.box;
  if (Math.max(w, h) > 0.5 * Math.min(tile.width, tile.height)) return false;
  const slack = 0.05 * Math.max(w, h);
  const cutLeft = x < tile.x - slack && tile.x > 0;
  const cutTop = y < tile.y - slack && tile.y > 0;
  const cutRight = x + w > tile.x + tile.width + slack && tile.x + tile.width < imageWidth;
  const cutBottom = y + h > tile.y + tile.height + slack && tile.y + tile.height < imageHeight;
  return !(cutLeft || cutTop || cutRight || cutBottom);
}
