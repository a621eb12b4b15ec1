import { describe, expect, it } from 'vitest';
import {
  TILE_MIN_SCORE,
  assessFace,
  autoTileSide,
  detectionTiles,
  isPlausibleFace,
  keepTileDetection,
  mergeDetections,
  type DetectedFace,
} from '../../../src/core/vision';

/** A frontal face in a box: eyes 40% of the width apart, mouth one eye distance below them. */
function face(x: number, y: number, size: number, score = 0.9, mouthFactor = 1): DetectedFace {
  const eye = size * 0.4;
  const cx = x + size / 2;
  const ey = y + size * 0.4;
  return {
    box: [x, y, size, size],
    score,
    keypoints: [
      { x: cx - eye / 2, y: ey },
      { x: cx + eye / 2, y: ey },
      { x: cx, y: ey + eye * 0.5 },
      { x: cx, y: ey + eye * mouthFactor },
      { x: x, y: ey },
      { x: x + size, y: ey },
    ],
  };
}

describe('detection tiles', () => {
  it('covers the image with overlapping tiles, edges included', () => {
    const tiles = detectionTiles(1920, 1280, 768);
    expect(tiles).toHaveLength(6);
    expect(Math.max(...tiles.map((t) => t.x + t.width))).toBe(1920);
    expect(Math.max(...tiles.map((t) => t.y + t.height))).toBe(1280);
    expect(detectionTiles(300, 200, 384)).toEqual([]);
  });

  it('tiles only large images', () => {
    expect(autoTileSide(800, 640)).toBeNull();
    expect(autoTileSide(1920, 1280)).toBe(768);
  });

  it('keeps small, whole, confident faces from tiles only', () => {
    const tile = { x: 500, y: 0, width: 500, height: 500 };
    expect(keepTileDetection(face(600, 100, 100), tile, 2000, 1000)).toBe(true);
    expect(keepTileDetection(face(600, 100, 300), tile, 2000, 1000)).toBe(false); // > half the tile
    expect(keepTileDetection(face(460, 100, 100), tile, 2000, 1000)).toBe(false); // cut by the left edge
    expect(keepTileDetection(face(600, 100, 100, TILE_MIN_SCORE - 0.01), tile, 2000, 1000)).toBe(false);
    expect(keepTileDetection(face(-5, 100, 100), { x: 0, y: 0, width: 500, height: 500 }, 2000, 1000)).toBe(true); // image edge
  });
});

describe('mergeDetections', () => {
  it('keeps the best box of a face seen by several passes, and separate faces apart', () => {
    const merged = mergeDetections([face(100, 100, 100, 0.8), face(105, 102, 95, 0.95), face(400, 100, 100, 0.7), face(110, 110, 40, 0.6)]);
    expect(merged.map((f) => f.score)).toEqual([0.95, 0.7]);
  });
});

describe('face plausibility and quality', () => {
  it('trusts confident detections and checks the layout of doubtful ones', () => {
    expect(isPlausibleFace(face(0, 0, 100, 0.95, 1.6))).toBe(true);
    expect(isPlausibleFace(face(0, 0, 100, 0.7, 1.0))).toBe(true);
    expect(isPlausibleFace(face(0, 0, 100, 0.7, 1.6))).toBe(false);
  });

  it('flags small, tiny, cut-off and low-confidence faces', () => {
    expect(assessFace(face(100, 100, 200), 1000, 1000)).toEqual([]);
    expect(assessFace(face(100, 100, 40), 1000, 1000)).toEqual(['small']);
    expect(assessFace(face(100, 100, 15), 1000, 1000)).toEqual(['too_small_to_identify']);
    expect(assessFace(face(900, 100, 200), 1000, 1000)).toEqual(['cut_off']);
    expect(assessFace(face(100, 100, 200, 0.5), 1000, 1000)).toEqual(['low_confidence']);
  });
});
