import { inflateSync } from 'node:zlib';

/**
 * A PNG's size and how varied its pixel data is: the number of distinct byte values in the
 * inflated scanlines. A blank (one-colour) frame filters down to a handful; a drawn one has dozens.
 */
export function pngStats(png: Buffer): { width: number; height: number; distinctBytes: number } {
  if (png.subarray(1, 4).toString() !== 'PNG') throw new Error('not a PNG');
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString();
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const data = inflateSync(Buffer.concat(idat));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), distinctBytes: new Set(data).size };
}
