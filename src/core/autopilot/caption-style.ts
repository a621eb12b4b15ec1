/** How the burned-in captions look (issue 18, step 4): the captions layer of the Auto-pilot video reads it. */

export const CAPTION_POSITIONS = ['bottom', 'middle', 'top'] as const;
export type CaptionPosition = (typeof CAPTION_POSITIONS)[number];

export interface CaptionStyle {
  /** A CSS font family: a brand font's family or a generic one. */
  fontFamily: string;
  /** Size at 1080 px of video height (scaled for other heights). */
  fontSizePx: number;
  color: string;
  outlineColor: string;
  /** 0 = no outline. */
  outlineWidthPx: number;
  position: CaptionPosition;
  /** The word being spoken is drawn in this colour. */
  highlightColor: string;
  wordHighlight: boolean;
}

export const DEFAULT_CAPTION_STYLE: CaptionStyle = {
  fontFamily: 'sans-serif',
  fontSizePx: 56,
  color: '#ffffff',
  outlineColor: '#000000',
  outlineWidthPx: 4,
  position: 'bottom',
  highlightColor: '#ffd400',
  wordHighlight: true,
};

const HEX = /^#[0-9a-fA-F]{6}$/;

/** Any stored or edited style made safe: each field kept when valid, else the default's. */
export function restoreCaptionStyle(raw: unknown, base: CaptionStyle = DEFAULT_CAPTION_STYLE): CaptionStyle {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const colour = (v: unknown, d: string) => (typeof v === 'string' && HEX.test(v) ? v : d);
  const num = (v: unknown, d: number, min: number, max: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : d);
  return {
    fontFamily: typeof r.fontFamily === 'string' && /^[\p{L}\p{N} ,'"_-]{1,100}$/u.test(r.fontFamily) ? r.fontFamily : base.fontFamily,
    fontSizePx: num(r.fontSizePx, base.fontSizePx, 16, 160),
    color: colour(r.color, base.color),
    outlineColor: colour(r.outlineColor, base.outlineColor),
    outlineWidthPx: num(r.outlineWidthPx, base.outlineWidthPx, 0, 16),
    position: CAPTION_POSITIONS.includes(r.position as CaptionPosition) ? (r.position as CaptionPosition) : base.position,
    highlightColor: colour(r.highlightColor, base.highlightColor),
    wordHighlight: typeof r.wordHighlight === 'boolean' ? r.wordHighlight : base.wordHighlight,
  };
}
