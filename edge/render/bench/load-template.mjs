// Loads one of Director's templates (plain TypeScript in src/core/templates) into Node by
// bundling it with esbuild on the fly: no tsx, no build of the app.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const templatesDir = fileURLToPath(new URL('../../../src/core/templates/', import.meta.url));

/** The template object, e.g. `(await loadTemplate('explainer')).explainerTemplate`. */
export async function loadTemplate(name) {
  const outfile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'director-template-')), `${name}.mjs`);
  await build({ entryPoints: [path.join(templatesDir, `${name}.ts`)], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'error' });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    await fs.rm(path.dirname(outfile), { recursive: true, force: true });
  }
}
