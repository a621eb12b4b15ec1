/**
 * Guesses a media type from the first bytes of a file (magic numbers), so a file that claims to
 * be a PNG but is something else is caught before it is stored. Returns null when unknown.
 */
export function sniffMediaType(head: Uint8Array): string | null {
  const at = (offset: number, ...bytes: number[]) => bytes.every((b, i) => head[offset + i] === b);
  const ascii = (offset: number, text: string) => at(offset, ...Array.from(text, (c) => c.charCodeAt(0)));
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return 'audio/wav';
  if (ascii(0, 'RIFF') && ascii(8, 'AVI ')) return 'video/x-msvideo';
  if (ascii(0, 'FORM') && (ascii(8, 'AIFF') || ascii(8, 'AIFC'))) return 'audio/aiff';
  if (ascii(0, 'fLaC')) return 'audio/flac';
  if (ascii(0, 'OggS')) return 'audio/ogg';
  if (ascii(0, 'ID3') || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0 && ((head[1] ?? 0) & 0x06) !== 0)) return 'audio/mpeg';
  // ADTS (raw AAC): sync word with layer bits 00, which MPEG audio never uses.
  if (head[0] === 0xff && ((head[1] ?? 0) & 0xf6) === 0xf0) return 'audio/aac';
  if (at(0, 0x1a, 0x45, 0xdf, 0xa3)) return 'video/webm';
  // MPEG-TS: a sync byte every 188 bytes.
  if (head.length > 188 && head[0] === 0x47 && head[188] === 0x47) return 'video/mp2t';
  if (ascii(4, 'ftyp')) {
    const brand = String.fromCharCode(...head.slice(8, 12));
    if (brand === 'qt  ') return 'video/quicktime';
    if (brand === 'avif' || brand === 'avis') return 'image/avif';
    if (brand.startsWith('M4A')) return 'audio/mp4';
    return 'video/mp4';
  }
  if (ascii(0, 'wOFF')) return 'font/woff';
  if (ascii(0, 'wOF2')) return 'font/woff2';
  if (at(0, 0x00, 0x01, 0x00, 0x00) || ascii(0, 'OTTO')) return 'font/ttf';
  // Last, as their signatures are short (an MP4 whose first box is 256 bytes also starts 00 00 01 00):
  // BMP with a known header size, and ICO with at least one image.
  if (ascii(0, 'BM') && [12, 40, 52, 56, 64, 108, 124].includes((head[14] ?? 0) | ((head[15] ?? 0) << 8))) return 'image/bmp';
  if (at(0, 0x00, 0x00, 0x01, 0x00) && (head[4] ?? 0) + ((head[5] ?? 0) << 8) > 0) return 'image/x-icon';
  return null;
}

/** Families that may share a sniffed signature: a declared type within the family is consistent. */
const FAMILIES: Record<string, readonly string[]> = {
  'video/mp4': ['video/mp4', 'audio/mp4', 'audio/aac', 'audio/x-m4a', 'video/x-m4v'],
  'audio/mp4': ['audio/mp4', 'audio/aac', 'audio/x-m4a', 'video/mp4'],
  'video/webm': ['video/webm', 'audio/webm', 'video/x-matroska'],
  'audio/ogg': ['audio/ogg', 'audio/opus', 'video/ogg', 'application/ogg'],
  'audio/wav': ['audio/wav', 'audio/wave', 'audio/x-wav'],
  'audio/mpeg': ['audio/mpeg', 'audio/mp3'],
  'audio/aac': ['audio/aac', 'audio/aacp', 'audio/x-aac'],
  'audio/aiff': ['audio/aiff', 'audio/x-aiff'],
  'video/x-msvideo': ['video/x-msvideo', 'video/avi', 'video/msvideo'],
  'video/mp2t': ['video/mp2t', 'video/MP2T'],
  'font/ttf': ['font/ttf', 'font/otf', 'font/sfnt'],
  'image/jpeg': ['image/jpeg', 'image/jpg'],
  'image/bmp': ['image/bmp', 'image/x-ms-bmp'],
  'image/x-icon': ['image/x-icon', 'image/vnd.microsoft.icon'],
};

const SNIFFABLE = new Set(['image/png', 'image/gif', 'image/webp', 'audio/flac', ...Object.values(FAMILIES).flat()]);

/** True when the declared type does not contradict what the bytes say they are. */
export function typeMatchesContent(declared: string, head: Uint8Array): boolean {
  const sniffed = sniffMediaType(head);
  // Text formats (SVG, JSON) and rarer codecs carry no magic number we know.
  if (sniffed === null) return !SNIFFABLE.has(declared);
  return (FAMILIES[sniffed] ?? [sniffed]).includes(declared);
}
