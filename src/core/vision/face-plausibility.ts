import type { DetectedFace } from './face-types';

/**
 * BlazeFace's confident false positives (window grids, logos) come with stretched keypoint layouts;
 * real faces, frontal to three-quarter, keep the eye-mouth distance near the eye distance and the
 * eyes at 0.3-0.55 of the box width. Below `trustedScore` a detection must also look like a face.
 */
export interface PlausibilityLimits {
  trustedScore: number;
  maxMouthToEyes: number;
  minEyesToWidth: number;
  maxEyesToWidth: number;
}

export const DEFAULT_PLAUSIBILITY_LIMITS: PlausibilityLimits = { trustedScore: 0.8, maxMouthToEyes: 1.3, minEyesToWidth: 0.2, maxEyesToWidth: 0.65 };

export function faceGeometry(face: Pick<DetectedFace, 'box' | 'keypoints'>): { eyesToWidth: number; mouthToEyes: number } {
  const [right, left, , mouth] = face.keypoints;
  if (!right || !left || !mouth) return { eyesToWidth: 0, mouthToEyes: Infinity };
  const eyes = Math.hypot(left.x - right.x, left.y - right.y);
  const mouthToMid = Math.hypot(mouth.x - (left.x + right.x) / 2, mouth.y - (left.y + right.y) / 2);
  return { eyesToWidth: face.box[2] > 0 ? eyes / face.box[2] : 0, mouthToEyes: eyes > 0 ? mouthToMid / eyes : Infinity };
}

export function isPlausibleFace(face: DetectedFace, limits = DEFAULT_PLAUSIBILITY_LIMITS): boolean {
  if (face.score >= limits.trustedScore) return true;
  const g = faceGeometry(face);
  return g.mouthToEyes <= limits.maxMouthToEyes && g.eyesToWidth >= limits.minEyesToWidth && g.eyesToWidth <= limits.maxEyesToWidth;
}
