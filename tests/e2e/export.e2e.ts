import { readFileSync } from 'node:fs';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProjectInUi, launchBrowser, openApp, waitForBuilt } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true })));
afterEach(() => context?.close());

describe('export in the browser', () => {
  it('exports a playable MP4 with every frame, saves it as an asset and downloads it; stills and thumbnails too', async () => {
    const { page, errors } = await openApp(context);
    await createProjectInUi(page, 'Export test', 'Square');
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    await page.getByRole('button', { name: /^Basic/ }).click();
    await waitForBuilt(page);

    // A still of the current frame downloads as a PNG.
    const still = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Still' }).click();
    const png = readFileSync((await (await still).path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');

    await page.getByRole('link', { name: 'Render', exact: true }).click();
    await page.getByRole('button', { name: 'Export in browser' }).click();
    await page.getByTestId('render-progress').waitFor();
    const row = page.locator('[data-testid=render-row][data-state=done]').first();
    await row.waitFor({ timeout: 120_000 });
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Download' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Main-.*\.mp4$/);
    const bytes = readFileSync((await file.path())!);

    const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
    const video = await input.getPrimaryVideoTrack();
    expect(video).toBeTruthy();
    expect(await video!.getCodec()).toBe('avc');
    expect(video!.displayWidth).toBe(1080);
    expect(video!.displayHeight).toBe(1080);
    const stats = await video!.computePacketStats();
    expect(stats.packetCount).toBe(180); // 7 s at 30 fps minus two 0.5 s fades
    expect(await page.getByTestId('project-counts').textContent()).toMatch(/[1-9]\d* assets/);

    // The project got a thumbnail from its first build.
    await page.getByRole('link', { name: 'All projects' }).click();
    await page.locator('[data-testid=project-card] .thumbnail img').waitFor();
    expect(errors).toEqual([]);
  });
});
