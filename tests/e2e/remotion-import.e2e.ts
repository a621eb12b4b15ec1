import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true })));
afterEach(() => context?.close());

/** A fixture project zipped as a person zips a folder: under its folder name, node_modules included. */
function zipFolder(dir: string): Uint8Array {
  const name = path.basename(dir);
  const entries: Zippable = { [`${name}/node_modules/remotion/package.json`]: strToU8('{"name":"remotion"}') };
  const walk = (at: string) => {
    for (const entry of readdirSync(at)) {
      const full = path.join(at, entry);
      if (statSync(full).isDirectory()) walk(full);
      else entries[`${name}/${path.relative(dir, full).split(path.sep).join('/')}`] = new Uint8Array(readFileSync(full));
    }
  };
  walk(dir);
  return zipSync(entries);
}

const importZip = (page: Page, name: string, bytes: Uint8Array) =>
  page.getByTestId('import-input').setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });

describe('opening a Remotion project', () => {
  it('imports a zipped Remotion project from Home, previews a frame of its OffthreadVideo and exports it in the browser', async () => {
    const { page, errors } = await openApp(context);
    await importZip(page, 'compat-apis.zip', zipFolder(path.resolve('tests/fixtures/remotion-projects/compat-apis')));
    const report = page.getByRole('dialog', { name: 'Imported “fixture-compat-apis”' });
    await report.waitFor();
    expect(await report.textContent()).toMatch(/starting at src\/index\.ts[\s\S]*remotion\.config\.ts is kept but not used/);
    await report.getByRole('button', { name: 'Open project' }).click();
    await page.waitForURL(/\/projects\/[^/]+/);

    await page.getByRole('link', { name: 'Render', exact: true }).click();
    await page.getByLabel('Composition', { exact: true }).selectOption('TrimmedVideo');
    // The preview draws the video's frame (OffthreadVideo through @remotion/media) in the sandbox.
    const preview = page.frameLocator('iframe.preview-frame');
    await preview.locator('canvas, video').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Export in browser' }).click();
    const row = page.locator('[data-testid=render-row][data-state=done]').first();
    await row.waitFor({ timeout: 60_000 });
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Download' }).click();
    const bytes = readFileSync((await (await download).path())!);
    const video = await new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS }).getPrimaryVideoTrack();
    expect(video!.displayWidth).toBe(640);
    expect((await video!.computePacketStats()).packetCount).toBe(45);
    expect(errors).toEqual([]);
  });

  it('says in one sentence why a zip is not a project it can open, and writes nothing', async () => {
    const { page } = await openApp(context);
    await importZip(page, 'no-entry.zip', zipSync({ 'video/package.json': strToU8('{"name":"video"}'), 'video/src/Scene.tsx': strToU8('export const Scene = () => null;') }));
    const alert = page.getByRole('alert').filter({ hasText: 'no-entry.zip' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/“no-entry\.zip” has no entry point: Director looks for src\/index\.ts \(or \.tsx\/\.js\) calling registerRoot\(\), as the Remotion CLI does\./);
    expect(await page.getByRole('article').count()).toBe(0);
  });
});
