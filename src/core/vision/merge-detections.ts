import type { DetectedFace } from './face-types';

export type WeightedDetection = DetectedFace;

function intersectionOverMin(a: DetectedFace['box'], b: DetectedFace['box']): number {
  const x0 = Math.max(a[0], b[0]);
  const y0 = Math.max(a[1], b[1]);
  const x1 = Math.min(a[0] + a[2], b[0] + b[2]);
  const y1 = Math.min(a[1] + a[3], b[1] + b[3]);
  const inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  const smaller = Math.min(a[2] * a[3], b[2] * b[3]);
  return smaller > 0 ? inter / smaller : 0;
}

/**
 * Greedy non-maximum suppression across detection passes (full image and tiles): the highest
 * score wins and removes every box that mostly lies inside it or contains it. Overlap is measured
 * against the smaller box, because a tile that cuts a face yields a partial box inside the whole one.
 */
export function mergeDetections(detections: readonly DetectedFace[], maxOverlap = 0.5): DetectedFace[] {
  const sorted = [...detections].sort((a, b) => b.score - a.score);
  const kept: DetectedFace[] = [];
  for (const d of sorted) {
    if (kept.every((k) => intersectionOverMin(k.box, d.box) <= maxOverlap)) kept.push(d);
  }
  return kept;
}
