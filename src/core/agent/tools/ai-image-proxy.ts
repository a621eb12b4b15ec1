import { z } from 'zod';
import { IMAGE_ASPECT_RATIOS } from '../ports/image-generator';
import { assetSlug, EXTENSION_BY_MIME } from './asset-name';
import { defineTool, fail } from './tool-types';

const args = z.object({
  name: z.string().min(1).max(60).describe('Asset name without extension, e.g. "hero-background"'),
  prompt: z.string().min(3).max(2000).describe('What the image shows, its style and lighting'),
  aspectRatio: z.enum(IMAGE_ASPECT_RATIOS).default('16:9'),
});

/** Generates an image with Gemini's image model (through the edge) and stores it as an asset. */
export const aiImageProxy = defineTool({
  name: 'ai_image_proxy',
  description: 'Generate an image (backgrounds, illustrations, textures) with the image model and store it as an asset. Use with <Img src={staticFile("<name>.<ext>")} />. Costs quota: generate only what the video uses.',
  args,
  mutates: true,
  async run(a, { workspace, imageGenerator, signal }) {
    const image = await imageGenerator.generate({ prompt: a.prompt, aspectRatio: a.aspectRatio, signal });
    if (!image.ok) return fail(image.code, image.message);
    const ext = EXTENSION_BY_MIME[image.mimeType] ?? 'png';
    const stored = await workspace.addAsset({ name: `${assetSlug(a.name)}.${ext}`, mimeType: image.mimeType, bytes: image.bytes });
    return {
      ok: true,
      summary: `${stored.name} (${Math.round(stored.size / 1024)} KB, ${a.aspectRatio})`,
      output: { asset: stored.name, mimeType: image.mimeType, bytes: stored.size, aspectRatio: a.aspectRatio, use: `<Img src={staticFile(${JSON.stringify(stored.name)})} />` },
    };
  },
});
