/** What kind of thing an asset is, from its MIME type; decides the preview, the checks and the size limit. */
export type AssetKind = 'image' | 'svg' | 'video' | 'audio' | 'font' | 'data';

/**
 * Largest upload per kind. Generous enough for real footage and music, small enough that one
 * project cannot fill the browser's storage quota by accident.
 */
export const UPLOAD_LIMITS: Record<AssetKind, { maxBytes: number; label: string }> = {
  video: { maxBytes: 200 * 1024 * 1024, label: 'Video' },
  audio: { maxBytes: 50 * 1024 * 1024, label: 'Audio' },
  image: { maxBytes: 30 * 1024 * 1024, label: 'Image' },
  svg: { maxBytes: 10 * 1024 * 1024, label: 'SVG' },
  font: { maxBytes: 10 * 1024 * 1024, label: 'Font' },
  data: { maxBytes: 5 * 1024 * 1024, label: 'Text and data' },
};

/** Raster images wider or taller than this are refused: they cost hundreds of MB to decode per frame. */
export const MAX_IMAGE_SIDE = 8192;

export function kindOfType(type: string): AssetKind | null {
  if (type === 'image/svg+xml') return 'svg';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('font/')) return 'font';
  if (type.startsWith('text/') || type === 'application/json') return 'data';
  return null;
}

/** Text formats have no magic bytes: they are recognised by extension, then checked as UTF-8. */
export const TEXT_TYPES_BY_EXTENSION: Record<string, string> = {
  json: 'application/json',
  srt: 'text/plain',
  vtt: 'text/vtt',
  txt: 'text/plain',
  csv: 'text/csv',
};

/** "image/png" -> "a PNG image", for refusal messages a person can read. */
export function describeType(type: string): string {
  const sub = type.split('/')[1]?.replace(/^x-/, '').toUpperCase() ?? type;
  const kind = kindOfType(type);
  const noun = kind === 'svg' ? 'image' : kind === 'audio' ? 'audio file' : kind === 'data' || !kind ? 'file' : kind;
  return `${/^[AEFHILMNORSX]/.test(sub) ? 'an' : 'a'} ${sub} ${noun}`;
}
