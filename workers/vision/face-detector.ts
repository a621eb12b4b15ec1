import { FaceDetector, FilesetResolver } from '@mediapipe/tasks-vision';
import {
  DETECTOR_INPUT_SIZE,
  autoTileSide,
  detectionTiles,
  detectorInput,
  helperShare,
  keepTileDetection,
  isPlausibleFace,
  mergeDetections,
  type DetectedFace,
  type Tile,
} from '../../src/core/vision';
import { imageReader, type ImageReader } from './bitmap-pixels';
import type { VisionHelper } from './helper';

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

/** The detector's input for a square `region` of the image: 128 x 128 RGBA (see detectorInput). */
export const regionInput = (pixels: ImageReader, region: Tile) => new ImageData(detectorInput(pixels.all(), region), DETECTOR_INPUT_SIZE, DETECTOR_INPUT_SIZE);

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

  /** A pass over a square region given as its regionInput. */
  const regionPass = (input: ImageData, region: Tile) => pass(input, region.x, region.y, DETECTOR_INPUT_SIZE / region.width);

  return {
    regionPass,
    /**
     * `pixels` reads `image` (shared with chip sampling, so a large photo is drawn once). A photo
     * that gets tiles has every pass, the whole image's too (at the top-left of a black square),
     * handed to the detector at its 128 x 128. With a `helper`, the last tiles go to it first and
     * run while this thread does the rest.
     */
    async detect(image: ImageBitmap, options: FaceDetectionOptions = {}, pixels: ImageReader = imageReader(image), helper: VisionHelper | null = null): Promise<DetectedFace[]> {
      const { minScore, tiles } = { ...DEFAULTS, ...options };
      const tileSide = tiles === 'off' ? null : tiles === 'auto' ? autoTileSide(image.width, image.height) : tiles;
      const all = tileSide ? detectionTiles(image.width, image.height, tileSide) : [];
      const local = all.length - (helper ? helperShare(all.length, 1) : 0);
      const shared = all.slice(local);
      // The helper's share is redone here if it fails (it is dropped for later photos).
      const redoHere = () => shared.map((t) => regionPass(regionInput(pixels, t), t));
      const remote = shared.length ? helper!.passes(shared.map((t) => regionInput(pixels, t)), shared).catch(redoHere) : null;
      const whole = { x: 0, y: 0, width: Math.max(image.width, image.height), height: Math.max(image.width, image.height) };
      const found = all.length ? regionPass(regionInput(pixels, whole), whole) : pass(image, 0, 0);
      const perTile = all.slice(0, local).map((t) => regionPass(regionInput(pixels, t), t));
      if (remote) perTile.push(...(await remote));
      // The order of one thread: whole pass, then the tiles in order.
      perTile.forEach((faces, i) => found.push(...faces.filter((f) => keepTileDetection(f, all[i]!, image.width, image.height))));
      // Merge first: a face's best box (often from a tile) wins over weaker duplicates.
      return mergeDetections(found).filter((f) => f.score >= minScore && isPlausibleFace(f));
    },
    close: () => detector.close(),
  };
}

export type FaceDetectorHandle = Awaited<ReturnType<typeof createFaceDetector>>;
