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
  /** RGBA pixels of the whole image (read once, then kept). */
  all(): ImageData;
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
  let everything: ImageData | null = null;
  return {
    width,
    height,
    region: (r) => drawn().getImageData(r.x, r.y, r.width, r.height),
    all: () => (everything ??= drawn().getImageData(0, 0, width, height)),
  };
}
