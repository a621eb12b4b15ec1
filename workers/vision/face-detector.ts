import { FaceDetector, FilesetResolver } from '@mediapipe/tasks-vision';
import { autoTileSide, detectionTiles, keepTileDetection, isPlausibleFace, mergeDetections, wholePassScale, type DetectedFace } from '../../src/core/vision';
import { imageReader, type ImageReader } from './bitmap-pixels';

export interface FaceDetectionOptions {
  /** Detector confidence needed to report a face (MediaPipe's minDetectionConfidence). */
  minScore?: number;
  /**
   * Second pass on overlapping tiles for faces too small for the whole-image pass (BlazeFace sees
   * the image at 128x128): 'auto' (autoTileSide: large images only), 'off', or a tile side in px.
   */
  tiles?: 'auto' | 'off' | number;
}

const DEFAULTS: Required<FaceDetectionOptions> = { minScore: 0.6, tiles: 'auto' };
/** The detector itself keeps candidates down to this; minScore and plausibility filter after merging. */
const CANDIDATE_SCORE = 0.5;

/** MediaPipe BlazeFace short-range detector, loaded from our own origin (no CDN). */
export async function createFaceDetector(assetsBaseUrl: string) {
  // true: the module variant of the wasm loader, the only one that loads inside a module worker.
  const fileset = await FilesetResolver.forVisionTasks(new URL('mediapipe', assetsBaseUrl).href, true);
  const modelUrl = new URL('face_detection_short_range.tflite', assetsBaseUrl).href;
  const response = await fetch(modelUrl);
  if (!response.ok) throw new Error(`[vision.worker] face detector model: ${response.status} ${response.statusText} at ${modelUrl} (did models/build-models.mjs run?)`);
  const detector = await FaceDetector.createFromOptions(fileset, {
    baseOptions: { modelAssetBuffer: new Uint8Array(await response.arrayBuffer()), delegate: 'CPU' },
    runningMode: 'IMAGE',
    minDetectionConfidence: CANDIDATE_SCORE,
  });

  /**
   * Detections of one pass over `source`, mapped to full-image pixels: `source` shows the image
   * from (offsetX, offsetY) at `scale` source pixels per image pixel.
   */
  function pass(source: ImageData | ImageBitmap, offsetX: number, offsetY: number, scale = 1): DetectedFace[] {
    const width = source.width / scale;
    const height = source.height / scale;
    return detector.detect(source).detections.flatMap((d) => {
      const box = d.boundingBox;
      if (!box) return [];
      return [
        {
          box: [box.originX / scale + offsetX, box.originY / scale + offsetY, box.width / scale, box.height / scale] as DetectedFace['box'],
          score: d.categories[0]?.score ?? 0,
          keypoints: d.keypoints.map((k) => ({ x: k.x * width + offsetX, y: k.y * height + offsetY })),
        },
      ];
    });
  }

  /**
   * The whole-image pass. Before a tile pass (which keeps full resolution for small faces), a large
   * photo is shrunk into a square of the tiles' size: MediaPipe rebuilds its buffers whenever the
   * input size changes, and the upload shrinks too. Otherwise the detector sees the photo as it is.
   */
  function wholePass(image: ImageBitmap, pixels: ImageReader, tileSide: number | null): DetectedFace[] {
    const scale = tileSide ? wholePassScale(image.width, image.height, tileSide) : null;
    if (!tileSide || !scale) return pass(image, 0, 0);
    return pass(pixels.shrunk(scale, tileSide), 0, 0, scale);
  }

  return {
    /** `pixels` reads `image` (shared with chip sampling, so a large photo is drawn once). */
    detect(image: ImageBitmap, options: FaceDetectionOptions = {}, pixels: ImageReader = imageReader(image)): DetectedFace[] {
      const { minScore, tiles } = { ...DEFAULTS, ...options };
      const tileSide = tiles === 'off' ? null : tiles === 'auto' ? autoTileSide(image.width, image.height) : tiles;
      const found = wholePass(image, pixels, tileSide);
      if (tileSide) {
        for (const t of detectionTiles(image.width, image.height, tileSide)) {
          found.push(...pass(pixels.region(t), t.x, t.y).filter((f) => keepTileDetection(f, t, image.width, image.height)));
        }
      }
      // Merge first: a face's best box (often from a tile) wins over weaker duplicates.
      return mergeDetections(found).filter((f) => f.score >= minScore && isPlausibleFace(f));
    },
    close: () => detector.close(),
  };
}

export type FaceDetectorHandle = Awaited<ReturnType<typeof createFaceDetector>>;
