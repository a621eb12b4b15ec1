import { z } from 'zod';
import { assetSlug } from './asset-name';
import { defineTool, fail } from './tool-types';

const MAX_SVG_BYTES = 200_000;

const args = z.object({
  name: z.string().min(1).max(60).describe('Asset name without extension, e.g. "coffee-cup"'),
  description: z.string().min(3).max(1000).describe('What to draw'),
  style: z.enum(['flat', 'outlined', 'filled', 'gradient']).default('flat'),
  colors: z.array(z.string().regex(/^#[0-9a-fA-F]{3,8}$/)).max(8).optional().describe('Hex colours to use; default the project palette'),
});

/** Extracts the first <svg>…</svg> from a model answer (which may wrap it in prose or a code fence). */
export function extractSvg(text: string): string | null {
  const match = /<svg[\s\S]*?<\/svg>/i.exec(text);
  return match ? match[0] : null;
}

/** Asks the model for SVG code, sanitizes it (never stored unsanitized) and stores it as an asset. */
export const generateSvgAsset = defineTool({
  name: 'generate_svg_asset',
  description:
    'Draw an SVG icon or shape and store it as an asset (sanitized: no scripts or external references). Use it in code with <Img src={staticFile("<name>.svg")} />.',
  args,
  mutates: true,
  async run(a, { workspace, helperModel, svgSanitizer, signal }) {
    const style = await workspace.getStyle();
    const colors = a.colors ?? Object.values(style?.palette ?? {}).flat().filter((c): c is string => typeof c === 'string');
    const reply = await helperModel.generate(
      {
        systemInstruction:
          'You write clean, self-contained SVG for motion graphics. Answer with one <svg> element only: a viewBox, no width/height, no scripts, no external references, no <foreignObject>, no embedded raster images. Keep it under 8 KB.',
        contents: [{ role: 'user', parts: [{ text: `Draw: ${a.description}\nStyle: ${a.style}${colors.length ? `\nColours: ${colors.join(', ')}` : ''}` }] }],
        functionCallingMode: 'NONE',
        temperature: 0.4,
      },
      { signal },
    );
    const raw = extractSvg(reply.text);
    if (!raw) return fail('no_svg', 'The model did not return an <svg> element. Try a simpler description.');
    if (raw.length > MAX_SVG_BYTES) return fail('svg_too_large', `The SVG is ${raw.length} bytes (limit ${MAX_SVG_BYTES}).`);
    const clean = svgSanitizer.sanitize(raw);
    if (!clean || !/<svg[\s>]/i.test(clean)) return fail('svg_rejected', 'Nothing of the SVG survived sanitizing.');
    const stored = await workspace.addAsset({ name: `${assetSlug(a.name)}.svg`, mimeType: 'image/svg+xml', bytes: new TextEncoder().encode(clean) });
    return {
      ok: true,
      summary: `${stored.name} (${stored.size} bytes${clean.length < raw.length ? ', sanitized' : ''})`,
      output: { asset: stored.name, bytes: stored.size, sanitizedAway: raw.length - clean.length, use: `<Img src={staticFile(${JSON.stringify(stored.name)})} />` },
    };
  },
});
