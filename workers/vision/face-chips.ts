import { FACE_CHIP_SIZE, alignedChipTransform, chipSourceRegion, sampleFaceChip, transformIntoRegion, type DetectedFace } from '../../src/core/vision';
import type { ImageReader } from './bitmap-pixels';

/**
 * Aligned chips of `faces`, packed for one batched embedder run. Each chip samples only the pixels
 * under it (chipSourceRegion), which gives the same chip as sampling the whole photo.
 */
export function faceChips(image: ImageReader, faces: readonly DetectedFace[]): Float32Array {
  const chipValues = FACE_CHIP_SIZE * FACE_CHIP_SIZE * 3;
  const chips = new Float32Array(faces.length * chipValues); // zeros: a chip wholly off the image is black
  faces.forEach((face, i) => {
    const t = alignedChipTransform(face);
    const region = chipSourceRegion(t, image.width, image.height);
    if (!region) return;
    sampleFaceChip(image.region(region), transformIntoRegion(t, region), {}, chips.subarray(i * chipValues, (i + 1) * chipValues));
  });
  return chips;
}
