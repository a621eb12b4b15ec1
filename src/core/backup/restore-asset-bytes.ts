import type { SvgSanitizer } from '../agent/ports/svg-sanitizer';
import { endsAsItsFormat } from '../media/media-trailer';
import { sniffMediaType, typeMatchesContent } from '../media/sniff-media-type';
import { isSvgDocument } from '../media/svg-document';
import { err, ok, type Result } from '../util/result';

export type AssetBytesProblem = 'wrong_type';

/** Enough of a file's start for every signature sniffMediaType knows (MPEG-TS needs 189 bytes). */
const SNIFF_BYTES = 4096;
export const SVG_TYPE = 'image/svg+xml';

/**
 * The media gate for one imported asset, whatever table or source it came from: its bytes must be
 * a kind Director recognises and can decode, agreeing with its declared type. SVG is code, so it
 * must be an SVG document and is returned as the sanitiser's output; every other kind is returned
 * unchanged. The message names the asset.
 */
export function restoreAssetBytes(asset: { name: string; type: string }, bytes: Uint8Array, svg: SvgSanitizer): Result<Uint8Array, AssetBytesProblem> {
  const refuse = (why: string) => err('wrong_type' as const, `the asset "${asset.name}" ${why}`);
  if (asset.type === SVG_TYPE) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return refuse('should be an SVG drawing, but it is not text');
    }
    if (!isSvgDocument(text)) return refuse('should be an SVG drawing, but it is not an SVG document');
    const clean = svg.sanitize(text);
    if (!clean) return refuse('should be an SVG drawing, but nothing of the drawing is left once scripts are removed');
    return ok(new TextEncoder().encode(clean));
  }
  const head = bytes.subarray(0, SNIFF_BYTES);
  const sniffed = sniffMediaType(head);
  if (!sniffed) return refuse(`should be ${asset.type}, but Director cannot recognise its bytes as any media it can play`);
  if (!typeMatchesContent(asset.type, head)) return refuse(`should be ${asset.type}, but its bytes are ${sniffed}`);
  if (!endsAsItsFormat(sniffed, bytes)) return refuse(`should be ${asset.type}, but more data follows the end of the image`);
  return ok(bytes);
}
