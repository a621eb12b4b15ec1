import type { BrandColors, BrandKit, WatermarkPosition } from './brand-kit';
import { brandAssetName, DEFAULT_BRAND_COLORS } from './brand-kit';
import { restoreCaptionStyle, type CaptionStyle } from './caption-style';

/** What the Auto-pilot video draws of a brand: colours, a watermark, fonts, intro and outro. */
export interface PlanBrand {
  colors: BrandColors;
  /** The logo's asset name, or null for no watermark. */
  logo: string | null;
  watermark: { position: Exclude<WatermarkPosition, 'none'>; sizePct: number; opacity: number };
  headingFont: string;
  fonts: { family: string; src: string }[];
  intro: { src: string; frames: number } | null;
  outro: { src: string; frames: number } | null;
}

export const NO_BRAND: PlanBrand = { colors: DEFAULT_BRAND_COLORS, logo: null, watermark: { position: 'bottom-right', sizePct: 12, opacity: 0.85 }, headingFont: 'sans-serif', fonts: [], intro: null, outro: null };

/**
 * A kit applied to one video: file names become the project's asset names (brandAssetName),
 * intro/outro lengths become frames, and the captions take the kit's font and primary colour as
 * their highlight unless the kit's own caption fields say otherwise. No kit: the neutral look.
 */
export function applyBrandKit(kit: BrandKit | null, base: CaptionStyle, media: { introS?: number; outroS?: number; fps: number }): { brand: PlanBrand; captionStyle: CaptionStyle } {
  if (!kit) return { brand: NO_BRAND, captionStyle: base };
  const frames = (s: number | undefined) => Math.max(1, Math.round((s ?? 0) * media.fps));
  const family = kit.fonts[0]?.family;
  const brand: PlanBrand = {
    colors: kit.colors,
    logo: kit.logo && kit.watermark.position !== 'none' ? brandAssetName(kit, kit.logo.name) : null,
    watermark: { position: kit.watermark.position === 'none' ? 'bottom-right' : kit.watermark.position, sizePct: kit.watermark.sizePct, opacity: kit.watermark.opacity },
    headingFont: family ? `'${family}', sans-serif` : 'sans-serif',
    fonts: kit.fonts.map((f) => ({ family: f.family, src: brandAssetName(kit, f.name) })),
    intro: kit.intro && media.introS ? { src: brandAssetName(kit, kit.intro.name), frames: frames(media.introS) } : null,
    outro: kit.outro && media.outroS ? { src: brandAssetName(kit, kit.outro.name), frames: frames(media.outroS) } : null,
  };
  const captionStyle = restoreCaptionStyle({ ...base, ...(family ? { fontFamily: `'${family}', sans-serif` } : {}), highlightColor: kit.colors.primary, ...kit.captions }, base);
  return { brand, captionStyle };
}
