import type { DetectedFace } from './face-types';

/** Why a detected face may not identify reliably; reported next to the face, never thrown. */
export type FaceIssue = 'small' | 'too_small_to_identify' | 'cut_off' | 'low_confidence';

export interface FaceQualityLimits {
  /** Eye distance (px) below which the embedding is unreliable (chip upscaled ~2.5x or more). */
  smallEyeDistance: number;
  /** Eye distance (px) below which no embedding is computed at all. */
  minEyeDistance: number;
  /** Detector score below which the face is flagged. */
  lowScore: number;
}

/** A 150 px dlib chip has about 53 px between the eyes; these limits are relative to that. */
export const DEFAULT_FACE_QUALITY_LIMITS: FaceQualityLimits = { smallEyeDistance: 20, minEyeDistance: 8, lowScore: 0.6 };

export function eyeDistance(face: Pick<DetectedFace, 'keypoints'>): number {
  const [r, l] = face.keypoints;
  return r && l ? Math.hypot(l.x - r.x, l.y - r.y) : 0;
}

/** The issues of one face in an image of the given size. */
export function assessFace(face: DetectedFace, imageWidth: number, imageHeight: number, limits = DEFAULT_FACE_QUALITY_LIMITS): FaceIssue[] {
  const issues: FaceIssue[] = [];
  const eyes = eyeDistance(face);
  if (eyes < limits.minEyeDistance) issues.push('too_small_to_identify');
  else if (eyes < limits.smallEyeDistance) issues.push('small');
  const [x, y, w, h] = face.box;
  // A box reaching past an edge by more than a tenth of its size: part of the face is missing.
  const slackX = w * 0.1;
  const slackY = h * 0.1;
  if (x < -slackX || y < -slackY || x + w > imageWidth + slackX || y + h > imageHeight + slackY) issues.push('cut_off');
  if (face.score < limits.lowScore) issues.push('low_confidence');
  return issues;
}
