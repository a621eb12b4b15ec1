import type { FramePixels } from '../ports/still-renderer';

/** Share of the frame one colour must cover for the frame to count as blank. */
const BLANK_SHARE = 0.995;
/** Smallest share of the frame a foreground colour must cover to be judged (text is small). */
const MIN_FOREGROUND_SHARE = 0.0005;
/** Share the background colour must cover for contrast to be judged. */
const FLAT_BACKGROUND_SHARE = 0.4;
/** WCAG 2.x AA for body text; large text needs 3:1. */
export const WCAG_AA_TEXT = 4.5;

export interface FrameFinding {
  code: 'blank_frame' | 'low_contrast';
  message: string;
}

/**
 * What a person would notice at a glance in one rendered frame, measured from its pixels:
 * - one colour over nearly the whole frame (blank, or text the colour of its background);
 * - the main foreground colour against a flat background below WCAG AA contrast.
 * Colours are grouped to 4 bits per channel, so anti-aliased edges fall into their colour's bin.
 */
export function frameFindings(pixels: FramePixels): FrameFinding[] {
  const counts = new Map<number, number>();
  const total = pixels.width * pixels.height;
  if (total === 0) return [];
  for (let i = 0; i < total * 4; i += 4) {
    const key = ((pixels.data[i]! >> 4) << 8) | ((pixels.data[i + 1]! >> 4) << 4) | (pixels.data[i + 2]! >> 4);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const bins = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [background, backgroundCount] = bins[0]!;
  const bg = binColour(background);
  if (backgroundCount / total >= BLANK_SHARE) {
    return [{ code: 'blank_frame', message: `the frame is almost one colour (${hex(bg)} over ${percent(backgroundCount / total)}): nothing visible, or text the colour of its background` }];
  }
  // Contrast is judged only against a flat background (a gradient or a photo spreads over many colours).
  if (backgroundCount / total < FLAT_BACKGROUND_SHARE) return [];
  // The most common colour other than the background: usually the text.
  const foreground = bins.slice(1).find(([key, n]) => n / total >= MIN_FOREGROUND_SHARE && key !== background);
  if (!foreground) return [];
  const fg = binColour(foreground[0]);
  const ratio = contrastRatio(fg, bg);
  return ratio < WCAG_AA_TEXT
    ? [{ code: 'low_contrast', message: `foreground ${hex(fg)} on background ${hex(bg)} has contrast ${ratio.toFixed(2)}:1, below WCAG AA (${WCAG_AA_TEXT}:1 for text, 3:1 for large text)` }]
    : [];
}

type Rgb = [number, number, number];

/** The middle of a 4-bit bin, back in 0..255. */
function binColour(key: number): Rgb {
  return [((key >> 8) & 15) * 17, ((key >> 4) & 15) * 17, (key & 15) * 17];
}

function distance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

/** WCAG 2.x relative luminance and contrast ratio. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const lum = (c: Rgb) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as Rgb;
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const hex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
