import { FaceDetector, FilesetResolver } from '@mediapipe/tasks-vision';
import { autoTileSide, detectionTiles, keepTileDetection, isPlausibleFace, mergeDetections, type DetectedFace, type ImagePixels } from '../../src/core/vision';

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

  /** Detections of one pass over `source`, mapped to full-image pixels. */
  function pass(source: ImageData | ImageBitmap | OffscreenCanvas, offsetX: number, offsetY: number): DetectedFace[] {
    const { width, height } = source;
    return detector.detect(source).detections.flatMap((d) => {
      const box = d.boundingBox;
      if (!box) return [];
      return [
        {
          box: [box.originX + offsetX, box.originY + offsetY, box.width, box.height] as DetectedFace['box'],
          score: d.categories[0]?.score ?? 0,
          keypoints: d.keypoints.map((k) => ({ x: k.x * width + offsetX, y: k.y * height + offsetY })),
        },
      ];
    });
  }

  return {
    detect(image: ImageBitmap, pixels: () => ImagePixels, options: FaceDetectionOptions = {}): DetectedFace[] {
      const { minScore, tiles } = { ...DEFAULTS, ...options };
      const found = pass(image, 0, 0);
      const tileSide = tiles === 'off' ? null : tiles === 'auto' ? autoTileSide(image.width, image.height) : tiles;
      if (tileSide) {
        const { data, width } = pixels();
        for (const t of detectionTiles(image.width, image.height, tileSide)) {
          const tile = new ImageData(t.width, t.height);
          for (let row = 0; row < t.height; row++) {
            const start = ((t.y + row) * width + t.x) * 4;
            tile.data.set(data.subarray(start, start + t.width * 4), row * t.width * 4);
          }
          found.push(...pass(tile, t.x, t.y).filter((f) => keepTileDetection(f, t, image.width, image.height)));
        }
      }
      // Merge first: a face's best box (often from a tile) wins over weaker duplicates.
      return mergeDetections(found).filter((f) => f.score >= minScore && isPlausibleFace(f));
    },
    close: () => detector.close(),
  };
}

export type FaceDetectorHandle = Awaited<ReturnType<typeof createFaceDetector>>;
