import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPTION_STYLE, NO_BRAND, applyBrandKit, brandAssetName, brandKitFiles, emptyBrandKit, restoreBrandKit, restoreCaptionStyle } from '../../../src/core/autopilot';

const kitJson = {
  name: ' Acme ',
  colors: { primary: '#FF3300', secondary: '#00aa88', background: 'black', text: '#ffffff' },
  logo: 'logo.png',
  watermark: { position: 'top-left', sizePct: 90, opacity: 0.5 },
  fonts: [{ family: 'Acme Sans', file: 'AcmeSans.woff2' }, { family: 'Bad', file: '../etc/passwd' }],
  intro: 'intro.mp4',
  outro: 'outro.exe',
  captions: { position: 'top', fontSizePx: 'huge', outlineWidthPx: 2 },
};

describe('brand kits: the restore gate', () => {
  it('keeps valid fields, clamps numbers and names what it dropped', () => {
    const r = restoreBrandKit(kitJson, 'kit-1');
    if (!r.ok) throw new Error(r.message);
    expect(r.kit).toMatchObject({ id: 'kit-1', name: 'Acme', logo: { name: 'logo.png' }, intro: { name: 'intro.mp4' }, watermark: { position: 'top-left', sizePct: 40, opacity: 0.5 } });
    expect(r.kit.colors).toEqual({ primary: '#ff3300', secondary: '#00aa88', background: '#14161c', text: '#ffffff' });
    expect(r.kit.fonts).toEqual([{ family: 'Acme Sans', name: 'AcmeSans.woff2' }]);
    expect(r.kit.outro).toBeUndefined();
    expect(r.kit.captions).toEqual({ position: 'top', outlineWidthPx: 2 });
    expect(r.dropped).toEqual([expect.stringMatching(/^colors\.background/), expect.stringMatching(/^outro/), expect.stringMatching(/^fonts/)]);
    expect(brandKitFiles(r.kit)).toEqual(['logo.png', 'AcmeSans.woff2', 'intro.mp4']);
  });

  it('refuses what is not a kit in one sentence', () => {
    for (const raw of [null, 'kit', [], {}, { name: '  ' }]) {
      const r = restoreBrandKit(raw, 'x');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^The brand kit has no "name"\.$|^A brand kit must be a JSON object/);
    }
  });

  it('caption styles keep valid fields only', () => {
    expect(restoreCaptionStyle({ color: 'red', fontSizePx: 400, position: 'left', fontFamily: 'x;}</style>' })).toEqual({ ...DEFAULT_CAPTION_STYLE, fontSizePx: 160 });
  });
});

describe('brand kits: application to a video', () => {
  it('without a kit, the neutral look and the style as given', () => {
    const style = { ...DEFAULT_CAPTION_STYLE, position: 'middle' as const };
    expect(applyBrandKit(null, style, { fps: 30 })).toEqual({ brand: NO_BRAND, captionStyle: style });
  });

  it('maps files to asset names, intro/outro to frames, and dresses the captions', () => {
    const r = restoreBrandKit({ ...kitJson, outro: 'outro.mp4' }, 'kit-1');
    if (!r.ok) throw new Error(r.message);
    const { brand, captionStyle } = applyBrandKit(r.kit, DEFAULT_CAPTION_STYLE, { introS: 2, outroS: 1.5, fps: 30 });
    expect(brand.logo).toBe(brandAssetName(r.kit, 'logo.png'));
    expect(brand.logo).toBe('brand/kit-1/logo.png');
    expect(brand.intro).toEqual({ src: 'brand/kit-1/intro.mp4', frames: 60 });
    expect(brand.outro).toEqual({ src: 'brand/kit-1/outro.mp4', frames: 45 });
    expect(brand.fonts).toEqual([{ family: 'Acme Sans', src: 'brand/kit-1/AcmeSans.woff2' }]);
    expect(brand.headingFont).toBe("'Acme Sans', sans-serif");
    // The kit's font and primary colour, then the kit's own caption fields on top.
    expect(captionStyle).toEqual({ ...DEFAULT_CAPTION_STYLE, fontFamily: "'Acme Sans', sans-serif", highlightColor: '#ff3300', position: 'top', outlineWidthPx: 2 });
  });

  it('a hidden watermark draws no logo; an intro without a measured length is left out', () => {
    const kit = { ...emptyBrandKit('k'), logo: { name: 'l.png' }, intro: { name: 'i.mp4' }, watermark: { position: 'none' as const, sizePct: 10, opacity: 1 } };
    const { brand } = applyBrandKit(kit, DEFAULT_CAPTION_STYLE, { fps: 25 });
    expect(brand.logo).toBeNull();
    expect(brand.intro).toBeNull();
  });
});
