import type { FrameLayout, TextLayer } from '../../preview/frame-layout';
import type { FramePixels } from '../ports/still-renderer';
import { contrastRatio } from './frame-findings';

/** WCAG 2.x AA: 4.5:1 for text, 3:1 for large text (24 px, or 18.66 px bold). */
const AA_TEXT = 4.5;
const AA_LARGE_TEXT = 3;
/** Below this alpha a layer is fading in or out, or is gradient text (colour transparent): not judged. */
const MIN_ALPHA = 0.35;
/** Share of a text box the commonest colour must cover to count as the background behind the text. */
const FLAT_SHARE = 0.3;
/** Text reaching past the frame by less than this (composition px or share of its width) is not called cut off. */
const CUT_TOLERANCE_PX = 4;
const CUT_TOLERANCE_SHARE = 0.02;

export interface TextFinding {
  code: 'low_contrast_text' | 'text_cut_off';
  message: string;
}

type Rgb = [number, number, number];

/**
 * What a person would notice about a frame's text, from the sandbox's text layers measured against
 * the frame's pixels: text whose colour is too close to what is behind it (WCAG AA), and text that
 * runs past the edge of the frame.
 */
export function textLayerFindings(layout: FrameLayout, pixels: FramePixels | undefined, size: { width: number; height: number }): TextFinding[] {
  const findings: TextFinding[] = [];
  for (const layer of layout.texts) {
    if (layer.color[3] < MIN_ALPHA || layer.width <= 0 || layer.height <= 0) continue;
    const cut = cutOff(layer, size);
    if (cut) findings.push({ code: 'text_cut_off', message: `text "${short(layer.text)}" ${cut}` });
    const background = pixels ? backgroundBehind(layer, pixels, size) : null;
    if (!background || layer.outlined) continue;
    const text = over(layer.color, background);
    const large = layer.fontSizePx >= 24 || (layer.bold && layer.fontSizePx >= 18.66);
    const needed = large ? AA_LARGE_TEXT : AA_TEXT;
    const ratio = contrastRatio(text, background);
    if (ratio < needed) {
      findings.push({
        code: 'low_contrast_text',
        message: `text "${short(layer.text)}" (${hex(text)}, ${Math.round(layer.fontSizePx)} px) on ${hex(background)} has contrast ${ratio.toFixed(2)}:1, below WCAG AA (${needed}:1 for ${large ? 'large ' : ''}text)`,
      });
    }
  }
  return findings;
}

/** Where the layer reaches past the frame, in words; null when it fits. */
function cutOff(layer: TextLayer, size: { width: number; height: number }): string | null {
  const tolerance = (extent: number) => Math.max(CUT_TOLERANCE_PX, extent * CUT_TOLERANCE_SHARE);
  const over: string[] = [];
  const left = -layer.x;
  const right = layer.x + layer.width - size.width;
  const top = -layer.y;
  const bottom = layer.y + layer.height - size.height;
  if (left > tolerance(layer.width)) over.push(`the left edge by ${Math.round(left)} px`);
  if (right > tolerance(layer.width)) over.push(`the right edge by ${Math.round(right)} px`);
  if (top > tolerance(layer.height)) over.push(`the top edge by ${Math.round(top)} px`);
  if (bottom > tolerance(layer.height)) over.push(`the bottom edge by ${Math.round(bottom)} px`);
  if (over.length === 0) return null;
  const outside = layer.x + layer.width <= 0 || layer.x >= size.width || layer.y + layer.height <= 0 || layer.y >= size.height;
  return outside ? `is entirely outside the ${size.width}×${size.height} frame (past ${over.join(' and ')})` : `is cut off: it runs past ${over.join(' and ')} of the ${size.width}×${size.height} frame`;
}

/**
 * The commonest colour in the text's box (glyphs cover a minority of their box), in 4-bit bins so
 * anti-aliased edges do not split it; null over a busy background (a photo or a gradient), where
 * one colour cannot stand for what is behind the text.
 */
function backgroundBehind(layer: TextLayer, pixels: FramePixels, size: { width: number; height: number }): Rgb | null {
  const sx = pixels.width / size.width;
  const sy = pixels.height / size.height;
  const x0 = Math.max(0, Math.floor(layer.x * sx));
  const y0 = Math.max(0, Math.floor(layer.y * sy));
  const x1 = Math.min(pixels.width, Math.ceil((layer.x + layer.width) * sx));
  const y1 = Math.min(pixels.height, Math.ceil((layer.y + layer.height) * sy));
  const counts = new Map<number, { n: number; r: number; g: number; b: number }>();
  let total = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * pixels.width + x) * 4;
      const r = pixels.data[i]!;
      const g = pixels.data[i + 1]!;
      const b = pixels.data[i + 2]!;
      const key = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
      const bin = counts.get(key) ?? { n: 0, r: 0, g: 0, b: 0 };
      bin.n++;
      bin.r += r;
      bin.g += g;
      bin.b += b;
      counts.set(key, bin);
      total++;
    }
  }
  if (total === 0) return null;
  const bins = [...counts.values()].sort((a, b) => b.n - a.n).map((bin) => ({ share: bin.n / total, rgb: [bin.r / bin.n, bin.g / bin.n, bin.b / bin.n].map(Math.round) as Rgb }));
  const text: Rgb = [layer.color[0], layer.color[1], layer.color[2]];
  // Heavy glyphs can outnumber the background in their own box: then the background is the next colour.
  const [first, second] = bins;
  const top = near(first!.rgb, text) && second && second.share >= FLAT_SHARE * 0.8 && !near(second.rgb, text) ? second : first!;
  return top.share >= FLAT_SHARE || top !== first ? top.rgb : null;
}

const near = (a: Rgb, b: Rgb) => Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2])) <= 24;

/** The text colour as seen: its alpha blended over the background. */
function over(color: TextLayer['color'], background: Rgb): Rgb {
  const a = Math.min(1, color[3]);
  return [0, 1, 2].map((i) => Math.round(color[i]! * a + background[i]! * (1 - a))) as Rgb;
}

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
const hex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
