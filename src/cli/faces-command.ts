import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAME_PERSON_THRESHOLD } from '../core/vision/identity-threshold';
import { openHarness } from './engine-session';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp' };

/**
 * `director faces <image...> [--json]`: faces (box, score, 128-d embedding) in each image with the
 * app's vision worker in headless Chromium; `threshold` is the cosine similarity at or above which
 * two faces are the same person.
 */
export async function facesCommand(args: { files: string[]; json: boolean }): Promise<number> {
  const start = performance.now();
  const harness = await openHarness(ROOT);
  try {
    const images = [];
    for (const file of args.files) {
      const type = TYPES[path.extname(file).toLowerCase()];
      if (!type) throw new Error(`${file}: not a PNG, JPEG or WebP image`);
      const bytes = await readFile(file);
      const result = await harness.page.evaluate(
        ({ bytes, type }) => (window as unknown as { directorEngine: { faces: (b: number[], t: string) => Promise<unknown> } }).directorEngine.faces(bytes, type),
        { bytes: [...bytes], type },
      );
      images.push({ file, ...(result as object) });
    }
    const out = { threshold: SAME_PERSON_THRESHOLD, images, ms: Math.round(performance.now() - start) };
    if (args.json) console.log(JSON.stringify(out));
    else for (const img of images as { file: string; faces: unknown[]; width: number; height: number }[]) console.log(`${img.file}: ${img.faces.length} face(s) in ${img.width}×${img.height}`);
    return 0;
  } finally {
    await harness.close();
  }
}
