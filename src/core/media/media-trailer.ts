/**
 * Formats whose last bytes are fixed: anything after them is not the image (an HTML page or a
 * script appended to a PNG, say). JPEG is left out: cameras and editors often append their own data.
 */
const TRAILERS: Record<string, readonly number[]> = {
  // An IEND chunk: zero length, the type, and its CRC.
  'image/png': [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82],
  'image/gif': [0x3b],
};

/** True when the bytes end where their format says a file ends (or the format has no fixed end). */
export function endsAsItsFormat(type: string, bytes: Uint8Array): boolean {
  const trailer = TRAILERS[type];
  if (!trailer) return true;
  const start = bytes.length - trailer.length;
  return start >= 0 && trailer.every((b, i) => bytes[start + i] === b);
}
