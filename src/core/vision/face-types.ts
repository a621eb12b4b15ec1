/** Shapes shared by the face detector, the embedder and the app. Pixel units, origin top-left. */

export interface Point {
  x: number;
  y: number;
}

/** BlazeFace keypoints in MediaPipe's order; "right" is the subject's right (the viewer's left). */
export const FACE_KEYPOINTS = ['rightEye', 'leftEye', 'noseTip', 'mouthCenter', 'rightEarTragion', 'leftEarTragion'] as const;
export type FaceKeypointName = (typeof FACE_KEYPOINTS)[number];

export interface DetectedFace {
  /** [x, y, width, height] in image pixels. */
  box: [number, number, number, number];
  /** Detector confidence in [0, 1]. */
  score: number;
  /** Keypoints in image pixels, in FACE_KEYPOINTS order. */
  keypoints: Point[];
}

export interface ImagePixels {
  /** RGBA, row-major, 4 bytes per pixel (ImageData layout). */
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}
