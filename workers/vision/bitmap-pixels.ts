import type { Tile } from '../../src/core/vision';

function context2d(width: number, height: number): OffscreenCanvasRenderingContext2D {
  const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('[vision.worker] OffscreenCanvas 2d context is not available');
  return context;
}

/** Reads regions of one image; the image is drawn (decoded) once, on first use. */
export interface ImageReader {
  width: number;
  height: number;
  /** RGBA pixels of `region` (a plain copy, no resampling). */
  region(region: Tile): ImageData;
  /** The image shrunk by `scale` at the top-left of a black `side` x `side` square. */
  shrunk(scale: number, side: number): ImageData;
}

export function imageReader(image: ImageBitmap): ImageReader {
  const { width, height } = image;
  if (!width || !height) throw new Error(`[vision.worker] image is empty (${width}x${height}): was the ImageBitmap transferred or closed already?`);
  let full: OffscreenCanvasRenderingContext2D | null = null;
  const drawn = () => {
    if (!full) {
      full = context2d(width, height);
      full.drawImage(image, 0, 0);
    }
    return full;
  };
  return {
    width,
    height,
    region: (r) => drawn().getImageData(r.x, r.y, r.width, r.height),
    shrunk(scale, side) {
      const context = context2d(side, side);
      context.fillStyle = '#000';
      context.fillRect(0, 0, side, side);
      // Plain bilinear: this input serves faces of an eighth of the photo or more, and MediaPipe's
      // own resize to 128x128 after it is plain bilinear too. 'high' cost 3x as much here.
      context.imageSmoothingEnabled = true;
      context.imageSmoothingQuality = 'low';
      context.drawImage(drawn().canvas, 0, 0, width * scale, height * scale);
      return context.getImageData(0, 0, side, side);
    },
  };
}
