/**
 * An image's width and height as its header declares them (PNG, JPEG, GIF, WebP), read without
 * decoding: a 30000×30000 picture is refused for its size before the browser tries to decode
 * 3.6 GB of pixels (and fails as if the file were damaged).
 */
export interface ImageDimensions {
  width: number;
  height: number;
}

/** Bytes to read for the header: JPEG's size comes after its metadata, which can be long. */
export const IMAGE_HEADER_BYTES = 256 * 1024;

export function imageDimensions(head: Uint8Array): ImageDimensions | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const ascii = (offset: number, text: string) => offset + text.length <= head.length && Array.from(text).every((c, i) => head[offset + i] === c.charCodeAt(0));
  const found = (width: number, height: number) => (width > 0 && height > 0 ? { width, height } : null);

  if (head.length >= 24 && head[0] === 0x89 && ascii(1, 'PNG') && ascii(12, 'IHDR')) return found(view.getUint32(16), view.getUint32(20));
  if (head.length >= 10 && (ascii(0, 'GIF87a') || ascii(0, 'GIF89a'))) return found(view.getUint16(6, true), view.getUint16(8, true));
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return webpDimensions(head, view);
  if (head[0] === 0xff && head[1] === 0xd8) return jpegDimensions(head, view);
  return null;
}

function webpDimensions(head: Uint8Array, view: DataView): ImageDimensions | null {
  const chunk = String.fromCharCode(...head.subarray(12, 16));
  if (chunk === 'VP8X' && head.length >= 30) {
    const width = 1 + (head[24]! | (head[25]! << 8) | (head[26]! << 16));
    const height = 1 + (head[27]! | (head[28]! << 8) | (head[29]! << 16));
    return { width, height };
  }
  if (chunk === 'VP8L' && head.length >= 25 && head[20] === 0x2f) {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  // Lossy: a key frame starts 9d 01 2a, then 14-bit width and height.
  if (chunk === 'VP8 ' && head.length >= 30 && head[23] === 0x9d && head[24] === 0x01 && head[25] === 0x2a) {
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  return null;
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic): they carry the size. */
const JPEG_FRAME_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegDimensions(head: Uint8Array, view: DataView): ImageDimensions | null {
  let offset = 2;
  while (offset + 4 <= head.length) {
    if (head[offset] !== 0xff) return null; // not a marker where one must be: not a JPEG we can read
    const marker = head[offset + 1]!;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan data before any frame header
    const length = view.getUint16(offset + 2);
    if (JPEG_FRAME_MARKERS.has(marker)) return offset + 9 <= head.length ? { width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) } : null;
    offset += 2 + length;
  }
  return null;
}
