import { restoreCaptionStyle, type CaptionStyle } from './caption-style';

/**
 * A brand kit (issue 18, step 6): colours, a logo drawn as a watermark, font files, intro and
 * outro clips, and caption overrides. Kept in the library (not in one project) and applied to
 * any project's Auto-pilot video. Files are referenced by name: the library row holds their
 * Blobs, a kit.json for the CLI has them beside it.
 */

export const WATERMARK_POSITIONS = ['top-left', 'top-right', 'bottom-left', 'bottom-right', 'none'] as const;
export type WatermarkPosition = (typeof WATERMARK_POSITIONS)[number];

export interface BrandFile {
  /** File name, unique within the kit (e.g. "logo.png"). */
  name: string;
}

export interface BrandFont extends BrandFile {
  /** The CSS family the font is registered under. */
  family: string;
}

export interface BrandColors {
  primary: string;
  secondary: string;
  background: string;
  text: string;
}

export interface BrandKit {
  version: 1;
  id: string;
  name: string;
  colors: BrandColors;
  logo?: BrandFile;
  watermark: { position: WatermarkPosition; /** Logo width as a share of the video width. */ sizePct: number; opacity: number };
  /** The first font is the headings' and captions' font, the second (if any) the body's. */
  fonts: BrandFont[];
  intro?: BrandFile;
  outro?: BrandFile;
  /** Caption fields the kit sets (the rest come from the project's style). */
  captions: Partial<CaptionStyle>;
}

export const DEFAULT_BRAND_COLORS: BrandColors = { primary: '#5b8def', secondary: '#f2a541', background: '#14161c', text: '#f5f7fa' };

export const emptyBrandKit = (id: string, name = 'Brand kit'): BrandKit => ({ version: 1, id, name, colors: { ...DEFAULT_BRAND_COLORS }, watermark: { position: 'bottom-right', sizePct: 12, opacity: 0.85 }, fonts: [], captions: {} });

export const FONT_FILE = /\.(woff2?|ttf|otf)$/i;
const IMAGE_FILE = /\.(png|jpe?g|webp|svg)$/i;
const VIDEO_FILE = /\.(mp4|webm|mov)$/i;
const HEX = /^#[0-9a-fA-F]{6}$/;
const SAFE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,119}$/u;

export type BrandKitRestore = { ok: true; kit: BrandKit; dropped: string[] } | { ok: false; message: string };

/**
 * The one gate for kits from the library, a kit.json or an import: the envelope must be an
 * object with a name; each other field is kept when valid and otherwise dropped with a note
 * (a bad colour falls back to the default, a logo that is not an image is left out).
 */
export function restoreBrandKit(raw: unknown, id: string): BrandKitRestore {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, message: 'A brand kit must be a JSON object with at least a "name".' };
  const r = raw as Record<string, unknown>;
  if (typeof r.name !== 'string' || !r.name.trim()) return { ok: false, message: 'The brand kit has no "name".' };
  const dropped: string[] = [];
  const kit = emptyBrandKit(id, r.name.trim().slice(0, 80));
  const colors = (r.colors && typeof r.colors === 'object' ? r.colors : {}) as Record<string, unknown>;
  for (const key of Object.keys(kit.colors) as (keyof BrandColors)[]) {
    const v = colors[key];
    if (typeof v === 'string' && HEX.test(v)) kit.colors[key] = v.toLowerCase();
    else if (v !== undefined) dropped.push(`colors.${key} (${JSON.stringify(v)} is not a #rrggbb colour)`);
  }
  const file = (field: string, pattern: RegExp, kind: string): BrandFile | undefined => {
    const v = r[field];
    if (v === undefined) return undefined;
    const name = typeof v === 'string' ? v : typeof v === 'object' && v && typeof (v as BrandFile).name === 'string' ? (v as BrandFile).name : null;
    if (name && SAFE_NAME.test(name) && pattern.test(name)) return { name };
    dropped.push(`${field} (${JSON.stringify(v)} is not ${kind} file name)`);
    return undefined;
  };
  const logo = file('logo', IMAGE_FILE, 'an image');
  const intro = file('intro', VIDEO_FILE, 'a video');
  const outro = file('outro', VIDEO_FILE, 'a video');
  if (logo) kit.logo = logo;
  if (intro) kit.intro = intro;
  if (outro) kit.outro = outro;
  const w = (r.watermark && typeof r.watermark === 'object' ? r.watermark : {}) as Record<string, unknown>;
  if (WATERMARK_POSITIONS.includes(w.position as WatermarkPosition)) kit.watermark.position = w.position as WatermarkPosition;
  else if (w.position !== undefined) dropped.push(`watermark.position (${JSON.stringify(w.position)})`);
  if (typeof w.sizePct === 'number' && Number.isFinite(w.sizePct)) kit.watermark.sizePct = Math.min(40, Math.max(3, w.sizePct));
  if (typeof w.opacity === 'number' && Number.isFinite(w.opacity)) kit.watermark.opacity = Math.min(1, Math.max(0.1, w.opacity));
  for (const f of Array.isArray(r.fonts) ? r.fonts.slice(0, 4) : []) {
    const font = f as Record<string, unknown>;
    const family = typeof font?.family === 'string' ? font.family.trim() : '';
    const name = typeof font?.name === 'string' ? font.name : typeof font?.file === 'string' ? font.file : '';
    if (/^[\p{L}\p{N} _-]{1,60}$/u.test(family) && SAFE_NAME.test(name) && FONT_FILE.test(name)) kit.fonts.push({ family, name });
    else dropped.push(`fonts (${JSON.stringify(f)} needs a family and a .woff2/.woff/.ttf/.otf file)`);
  }
  if (r.captions && typeof r.captions === 'object') {
    const full = restoreCaptionStyle(r.captions);
    const given = r.captions as Record<string, unknown>;
    kit.captions = Object.fromEntries(Object.entries(full).filter(([k, v]) => given[k] === v)) as Partial<CaptionStyle>;
  }
  return { ok: true, kit, dropped };
}

/** The kit's file names, each once: what the library row or the kit folder must hold. */
export function brandKitFiles(kit: BrandKit): string[] {
  return [...new Set([kit.logo?.name, ...kit.fonts.map((f) => f.name), kit.intro?.name, kit.outro?.name].filter((n): n is string => Boolean(n)))];
}

/** Where a kit's file lives among a project's assets once the kit is applied. */
export const brandAssetName = (kit: Pick<BrandKit, 'id'>, file: string) => `brand/${kit.id.slice(0, 12)}/${file}`;
