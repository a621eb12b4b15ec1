import type { DetectedFace, Point } from './face-types';

/** Side of the square face chip FaceRecognitionNet takes (face-api: toBatchTensor(150)). */
export const FACE_CHIP_SIZE = 150;

/**
 * Maps chip coordinates (u, v) to image coordinates: x = a*u + b*v + tx, y = c*u + d*v + ty.
 * Continuous coordinates on both sides: pixel i covers [i, i + 1), its centre is i + 0.5.
 */
export interface ChipTransform {
  a: number;
  b: number;
  c: number;
  d: number;
  tx: number;
  ty: number;
  /** Chip side in pixels. */
  size: number;
}

/**
 * Where BlazeFace's first four keypoints (eyes, nose tip, mouth centre) sit in an unpadded dlib
 * face chip, as fractions of its side. This is the dlib mean face expressed in BlazeFace's points;
 * the recognition net was trained on dlib chips (150 px, padding 0.25), so aligning to it matters.
 */
const BLAZEFACE_MEAN_FACE: readonly Point[] = [
  { x: 0.226, y: 0.217 }, // subject's right eye (viewer's left)
  { x: 0.754, y: 0.217 }, // subject's left eye
  { x: 0.49, y: 0.516 }, // nose tip
  { x: 0.49, y: 0.78 }, // mouth centre
];
/** dlib's default chip padding: the face spans 1 / (1 + 2 * 0.25) of the chip. */
export const DLIB_CHIP_PADDING = 0.25;

/** The mean-face points in chip pixels for a chip of `size` with `padding`. */
export function chipTemplate(size = FACE_CHIP_SIZE, padding = DLIB_CHIP_PADDING): Point[] {
  return BLAZEFACE_MEAN_FACE.map((p) => ({
    x: (size * (padding + p.x)) / (1 + 2 * padding),
    y: (size * (padding + p.y)) / (1 + 2 * padding),
  }));
}

/**
 * Least-squares similarity transform (rotation, uniform scale, translation; no reflection) taking
 * `from` points onto `to` points (Umeyama's method reduced to 2-D).
 */
export function fitSimilarity(from: readonly Point[], to: readonly Point[]): Omit<ChipTransform, 'size'> {
  if (from.length !== to.length || from.length < 2) {
    throw new RangeError(`[vision] fitSimilarity: needs two or more point pairs, got ${from.length} and ${to.length}`);
  }
  const n = from.length;
  const mean = (ps: readonly Point[]) => ({ x: ps.reduce((s, p) => s + p.x, 0) / n, y: ps.reduce((s, p) => s + p.y, 0) / n });
  const mf = mean(from);
  const mt = mean(to);
  let sxx = 0; // Σ p·q
  let sxy = 0; // Σ p×q
  let norm = 0; // Σ |p|²
  for (let i = 0; i < n; i++) {
    const px = from[i]!.x - mf.x;
    const py = from[i]!.y - mf.y;
    const qx = to[i]!.x - mt.x;
    const qy = to[i]!.y - mt.y;
    sxx += px * qx + py * qy;
    sxy += px * qy - py * qx;
    norm += px * px + py * py;
  }
  if (norm === 0) throw new RangeError('[vision] fitSimilarity: source points coincide');
  const a = sxx / norm; // s·cosθ
  const c = sxy / norm; // s·sinθ
  return { a, b: -c, c, d: a, tx: mt.x - (a * mf.x - c * mf.y), ty: mt.y - (c * mf.x + a * mf.y) };
}

/**
 * The dlib-style aligned chip for a detected face: eyes level, the face scaled and centred like the
 * chips the recognition net was trained on. Needs the first four BlazeFace keypoints.
 */
export function alignedChipTransform(face: Pick<DetectedFace, 'keypoints'>, size = FACE_CHIP_SIZE): ChipTransform {
  const points = face.keypoints.slice(0, 4);
  if (points.length < 4) {
    throw new RangeError(`[vision] alignedChipTransform: needs eyes, nose and mouth keypoints, got ${face.keypoints.length} keypoints`);
  }
  return { ...fitSimilarity(chipTemplate(size), points), size };
}

/**
 * face-api's own chip for a box: crop the box (floored), pad the short side with zeros on both
 * sides (padToSquare, centred), resize to `size` with tf.image.resizeBilinear (alignCorners false,
 * halfPixelCenters false: source = destination * scale, on pixel indices).
 * Returns the transform for pixel indices; sampleFaceChip adds the half-pixel offsets.
 */
export function faceApiBoxChipTransform(box: readonly [number, number, number, number], size = FACE_CHIP_SIZE): ChipTransform & { halfPixel: false; crop: CropWindow } {
  const [x, y, w, h] = box.map(Math.floor) as [number, number, number, number];
  if (w <= 0 || h <= 0) throw new RangeError(`[vision] faceApiBoxChipTransform: empty box [${box.join(', ')}]`);
  const side = Math.max(w, h);
  const diff = Math.abs(w - h);
  // padToSquare puts round(diff / 2) zeros after the image and the rest before it.
  const before = diff - Math.round(diff * 0.5);
  const scale = side / size;
  const offsetX = w < h ? x - before : x;
  const offsetY = h < w ? y - before : y;
  return {
    a: scale, b: 0, c: 0, d: scale, tx: offsetX, ty: offsetY, size, halfPixel: false,
    crop: { x, y, width: w, height: h, squareX: offsetX, squareY: offsetY, side },
  };
}

/**
 * face-api samples a cropped, zero-padded square, not the whole image: pixels outside the crop read
 * as 0 and neighbour indices clamp at the square's last row/column (tfjs resizeBilinear).
 */
export interface CropWindow {
  x: number;
  y: number;
  width: number;
  height: number;
  squareX: number;
  squareY: number;
  side: number;
}

/** Source pixels per chip pixel (the transform's scale). */
export function chipScale(t: ChipTransform): number {
  return Math.sqrt(Math.abs(t.a * t.d - t.b * t.c));
}
