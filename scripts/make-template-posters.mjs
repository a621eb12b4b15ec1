#!/usr/bin/env node
// Renders one real frame of each project template with the app's own engine (`director still`,
// the same sandbox and web renderer the app uses) and saves it, scaled down, as the poster the
// Home page shows. Posters are committed: Home never spends seconds rendering them.
// Run again after changing a template: `node scripts/make-template-posters.mjs` (needs dist/).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'src', 'ui', 'home', 'template-posters');
const POSTER = { width: 480, height: 270 };

/** The sample name each template shows, and the frame that tells the most about it (at 30 fps). */
const SHOTS = {
  basic: { name: 'Summer launch', frame: 45 },
  'product-showcase': { name: 'Lumen', frame: 60 },
  explainer: { name: 'How it works', frame: 110 },
  'beat-montage': { name: 'Night drive', frame: 30 },
  scenes: { name: 'Morning Brew', frame: 40 },
};

const work = mkdtempSync(path.join(tmpdir(), 'director-posters-'));
try {
  const esbuild = await import('esbuild-wasm');
  const templatesModule = path.join(work, 'templates.mjs');
  await esbuild.build({ entryPoints: [path.join(root, 'src/core/templates/index.ts')], bundle: true, platform: 'node', format: 'esm', outfile: templatesModule, logLevel: 'error' });
  const { TEMPLATES } = await import(pathToFileURL(templatesModule).href);

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  mkdirSync(outDir, { recursive: true });
  try {
    for (const template of TEMPLATES) {
      const shot = SHOTS[template.id];
      if (!shot) throw new Error(`No poster shot for the template "${template.id}": add it to SHOTS.`);
      const dir = path.join(work, template.id);
      for (const [file, content] of Object.entries(template.files({ name: shot.name, width: 1920, height: 1080, fps: 30 }))) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), content);
      }
      const composition = /<Composition\s+id="([^"]+)"/.exec(readFileSync(path.join(dir, 'src/Root.tsx'), 'utf8'))?.[1];
      const full = path.join(work, `${template.id}.png`);
      const run = spawnSync(process.execPath, [path.join(root, 'bin/director.mjs'), 'still', dir, '--composition', composition, '--frame', String(shot.frame), '--out', full], { cwd: root, stdio: 'inherit' });
      if (run.status !== 0) throw new Error(`The still of "${template.id}" failed.`);
      // Scaled in Chromium with high-quality resampling: crisp text at a fraction of the bytes.
      const base64 = await page.evaluate(
        async ({ png, width, height }) => {
          const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob(), { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
          const canvas = new OffscreenCanvas(width, height);
          canvas.getContext('2d').drawImage(bitmap, 0, 0);
          const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
          let binary = '';
          for (const b of bytes) binary += String.fromCharCode(b);
          return btoa(binary);
        },
        { png: readFileSync(full).toString('base64'), ...POSTER },
      );
      writeFileSync(path.join(outDir, `${template.id}.png`), Buffer.from(base64, 'base64'));
      console.log(`${template.id}: frame ${shot.frame} of ${composition} -> ${path.relative(root, path.join(outDir, `${template.id}.png`))}`);
    }
  } finally {
    await browser.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
