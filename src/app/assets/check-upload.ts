import { IMAGE_HEADER_BYTES, imageDimensions, type ImageDimensions } from '../../core/media/image-dimensions';
import { sniffMediaType, typeMatchesContent } from '../../core/media/sniff-media-type';
import { formatBytes } from '../../core/util/format';
import { describeType, kindOfType, MAX_IMAGE_SIDE, TEXT_TYPES_BY_EXTENSION, UPLOAD_LIMITS, type AssetKind } from './asset-kinds';
import { sanitizeSvg } from './sanitize-svg';

export type UploadCheck = { ok: true; blob: Blob; kind: AssetKind } | { ok: false; reason: string };

const refuse = (reason: string): UploadCheck => ({ ok: false, reason });

/** Declared types that say nothing (or the browser did not guess): the bytes decide alone. */
const UNINFORMATIVE_TYPES = new Set(['', 'application/octet-stream']);

/** Older names some systems still give fonts and WAV files, mapped to the standard ones. */
const TYPE_ALIASES: Record<string, string> = {
  'application/x-font-ttf': 'font/ttf',
  'application/x-font-truetype': 'font/ttf',
  'application/x-font-opentype': 'font/otf',
  'application/font-sfnt': 'font/otf',
  'application/font-woff': 'font/woff',
  'application/font-woff2': 'font/woff2',
  'audio/vnd.wave': 'audio/wav',
};

/**
 * Decides whether a file may become an asset, by what it is rather than what it is called: its
 * magic bytes must agree with its declared type, it must fit its kind's size limit, images must
 * decode and stay within MAX_IMAGE_SIDE, fonts must load, SVG is sanitized, text must be UTF-8.
 * The returned blob is what to store (typed from the content; SVG is the cleaned text).
 */
export async function checkUpload(file: File): Promise<UploadCheck> {
  if (file.size === 0) return refuse('the file is empty');
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  const declared = UNINFORMATIVE_TYPES.has(file.type) ? '' : (TYPE_ALIASES[file.type] ?? file.type);
  const sniffed = sniffMediaType(head);
  if (declared && !typeMatchesContent(declared, head)) {
    return refuse(`its content is not ${describeType(declared)}${sniffed ? ` (the bytes say it is ${describeType(sniffed)})` : ''}`);
  }
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const type = sniffed ? declared || sniffed : declared === 'image/svg+xml' || extension === 'svg' ? 'image/svg+xml' : (TEXT_TYPES_BY_EXTENSION[extension] ?? null);
  const kind = type && kindOfType(type);
  if (!type || !kind) return refuse('Director cannot tell what it is: only images, SVG, video, audio, fonts and text or subtitle files are accepted');

  const limit = UPLOAD_LIMITS[kind];
  if (file.size > limit.maxBytes) return refuse(`it is ${formatBytes(file.size)}; ${limit.label} files may be at most ${formatBytes(limit.maxBytes)}`);

  switch (kind) {
    case 'image':
      return checkImage(file, type);
    case 'svg':
      return checkSvg(file);
    case 'font':
      return checkFont(file, type);
    case 'data':
      return checkText(file, type);
    default:
      // Video and audio are decoded later, off the main thread; a damaged file shows its error on its card.
      return { ok: true, blob: retyped(file, type), kind };
  }
}

function retyped(file: Blob, type: string): Blob {
  return file.type === type ? file : new Blob([file], { type });
}

const tooLarge = ({ width, height }: ImageDimensions) => `it is too large: ${width}×${height} px, the limit is ${MAX_IMAGE_SIDE}×${MAX_IMAGE_SIDE} px`;
const fitsLimit = ({ width, height }: ImageDimensions) => width <= MAX_IMAGE_SIDE && height <= MAX_IMAGE_SIDE;

async function checkImage(file: File, type: string): Promise<UploadCheck> {
  // The size its header declares is checked first: the browser cannot decode a huge image and would
  // fail as if the file were damaged.
  const declared = imageDimensions(new Uint8Array(await file.slice(0, IMAGE_HEADER_BYTES).arrayBuffer()));
  if (declared && !fitsLimit(declared)) return refuse(tooLarge(declared));
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return refuse('the image cannot be decoded (the file is damaged or incomplete)');
  }
  const decoded = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  if (!fitsLimit(decoded)) return refuse(tooLarge(decoded));
  return { ok: true, blob: retyped(file, type), kind: 'image' };
}

async function checkSvg(file: File): Promise<UploadCheck> {
  const clean = sanitizeSvg(await file.text());
  if (!clean) return refuse('it is not an SVG drawing (no <svg> element)');
  return { ok: true, blob: new Blob([clean], { type: 'image/svg+xml' }), kind: 'svg' };
}

async function checkFont(file: File, type: string): Promise<UploadCheck> {
  try {
    // Loading without adding it to the document: only to prove the browser can read it.
    await new FontFace('director-font-check', await file.arrayBuffer()).load();
  } catch {
    return refuse('the font cannot be read (the file is damaged or not a font)');
  }
  return { ok: true, blob: retyped(file, type), kind: 'font' };
}

async function checkText(file: File, type: string): Promise<UploadCheck> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return refuse('it is not UTF-8 text');
  }
  if (type === 'application/json') {
    try {
      JSON.parse(text);
    } catch (e) {
      return refuse(`it is not valid JSON (${(e as Error).message})`);
    }
  }
  return { ok: true, blob: retyped(file, type), kind: 'data' };
}
