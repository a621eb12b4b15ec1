import type { ImagePixels } from '../../src/core/vision';

/** RGBA pixels of an ImageBitmap (or any drawable), through an OffscreenCanvas. */
export function bitmapPixels(image: ImageBitmap | OffscreenCanvas): ImagePixels {
  const { width, height } = image;
  if (!width || !height) throw new Error(`[vision.worker] image is empty (${width}x${height}): was the ImageBitmap transferred or closed already?`);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('[vision.worker] OffscreenCanvas 2d context is not available');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, width, height);
  return { data, width, height };
}
