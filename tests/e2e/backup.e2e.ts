import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { packProjectArchive } from '../../src/core/backup/pack-archive';
import { readProjectArchive } from '../../src/core/backup/read-archive';
import { makeTestSvgSanitizer } from '../../src/core/agent/testing/test-svg-sanitizer';
import { sampleBundle } from '../fixtures/bundles';
import { card, createProjectInUi, launchBrowser, openApp } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ acceptDownloads: true })));
afterEach(() => context?.close());

/** PNG's signature and IEND end around bytes that are no image: recognisable, not decodable. */
function garbledPng(): Uint8Array {
  const png = sampleBundle().assets[0]!.bytes;
  const out = png.slice();
  out.fill(0x5a, 8, out.length - 12);
  return out;
}

async function importFile(page: Page, name: string, bytes: Uint8Array) {
  await page.getByTestId('import-input').setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });
}

describe('project backup', () => {
  it('exports a project to .director.zip and imports it back as a new project', async () => {
    const { page, errors } = await openApp(context);
    // Start from a project with sources, an asset and records: imported from a backup made in Node.
    await importFile(page, 'launch.director.zip', packProjectArchive(sampleBundle(), 'test', 1));
    await card(page, 'Launch film').waitFor();

    const download = page.waitForEvent('download');
    await card(page, 'Launch film').getByRole('button', { name: 'Export' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Launch-film.director.zip');
    const bytes = new Uint8Array(readFileSync((await file.path())!));
    const read = readProjectArchive(bytes, makeTestSvgSanitizer());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.files.map((f) => f.path).sort()).toEqual(['src/Root.tsx', 'src/index.ts']);
    expect(read.value.assets[0]!.bytes).toEqual(sampleBundle().assets[0]!.bytes);
    expect(read.value.records.clips?.length).toBe(1);

    await importFile(page, file.suggestedFilename(), bytes);
    await card(page, 'Launch film (copy)').getByRole('link').click();
    await page.getByTestId('project-counts').filter({ hasText: '2 files · 1 assets · 1 versions' }).waitFor();
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    await page.getByRole('button', { name: 'Root.tsx', exact: true }).waitFor();
    await page.getByRole('button', { name: 'index.ts', exact: true }).waitFor();
    expect(errors).toEqual([]);
  });

  it('refuses hostile and broken archives with a clear message and writes nothing', async () => {
    const { page } = await openApp(context);
    await createProjectInUi(page, 'Keep me');
    await page.getByRole('link', { name: 'All projects' }).click();
    const good = packProjectArchive(sampleBundle(), 'test', 1);
    const cases: [string, Uint8Array, RegExp][] = [
      ['traversal.director.zip', zipSync({ 'manifest.json': strToU8('{}'), '../../evil.sh': strToU8('rm -rf /') }), /not a safe Director backup: it holds a file named "\.\.\/\.\.\/evil\.sh", which is not allowed/],
      ['truncated.director.zip', good.subarray(0, good.length - 40), /This backup is damaged or incomplete: .*use another copy of the file/],
      ['notes.director.zip', strToU8('just text'), /This file is not a Director backup \(it is not a zip archive\)/],
      ['photos.zip', zipSync({ 'IMG_0001.jpg': strToU8('x') }), /Could not import “photos\.zip”\. This file is not a Director backup \(its manifest is missing\)\. Choose a \.director\.zip file made with Export/],
      ['garbled.director.zip', packProjectArchive({ ...sampleBundle(), assets: [{ id: 'asset-0003-garbled', name: 'garbled.png', type: 'image/png', createdAt: 1, bytes: garbledPng() }], records: {} }, 'test', 1), /Could not import “garbled\.director\.zip”: the asset "garbled\.png" is not an image Director can open/],
      ['many.director.zip', zipSync(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`src/${i}.ts`, new Uint8Array(0)])), { level: 0 }), /it holds more than 5000 files/],
    ];
    for (const [name, bytes, message] of cases) {
      await importFile(page, name, bytes);
      const alert = page.getByRole('alert').filter({ hasText: name });
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(message);
      await alert.getByRole('button', { name: 'Dismiss' }).click();
    }
    expect(await page.getByRole('article').count()).toBe(1);
    const counts = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const open = indexedDB.open('director');
          open.onsuccess = () => {
            const tx = open.result.transaction(['projects', 'files', 'assets']);
            const out: number[] = [];
            for (const store of ['projects', 'files', 'assets']) {
              const req = tx.objectStore(store).count();
              req.onsuccess = () => out.push(req.result);
            }
            tx.oncomplete = () => resolve(out);
          };
        }),
    );
    expect(counts).toEqual([1, 0, 0]);
  });
});
