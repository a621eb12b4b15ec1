import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, createProjectInUi, launchBrowser, openApp } from './browser';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/assets/${name}`, import.meta.url));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A valid grey PNG of any size (a few hundred bytes even when very wide): for the dimension limit.
 * One bit per pixel keeps a 30000×30000 picture at 112 MB of rows before compression (110 KB after).
 */
function greyPng(width: number, height: number, bitDepth: 1 | 8 = 8): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bitDepth; // colour type 0 (grey), default compression, filter and interlace
  const rowBytes = Math.ceil((width * bitDepth) / 8);
  const rows = Buffer.alloc((rowBytes + 1) * height, bitDepth === 8 ? 128 : 0x5a);
  for (let y = 0; y < height; y++) rows[y * (rowBytes + 1)] = 0; // filter byte: none
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
});
afterEach(() => context?.close());

const assetCard = (page: Page, name: string) => page.getByRole('article', { name, exact: true });

/** Drops files on the view the way a browser does: dragover, then drop with a DataTransfer holding Files. */
async function dropFiles(page: Page, files: { name: string; type: string; bytes: Buffer }[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return transfer;
  }, files.map((f) => ({ name: f.name, type: f.type, base64: f.bytes.toString('base64') })));
  const view = page.locator('.assets-view');
  await view.dispatchEvent('dragover', { dataTransfer });
  await view.dispatchEvent('drop', { dataTransfer });
}

/** Pixels of the waveform canvas that were drawn on (not transparent). */
const drawnPixels = (page: Page, name: string) =>
  assetCard(page, name)
    .getByTestId('waveform')
    .evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let drawn = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) drawn++;
      return { drawn, total: data.length / 4 };
    });

/** The analysis row for an asset, read with the raw IndexedDB API (not the app's code). */
const storedAnalysisKeys = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('director');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const keys = open.result.transaction('settings').objectStore('settings').getAllKeys();
          keys.onsuccess = () => {
            resolve((keys.result as string[]).filter((k) => k.startsWith('asset-analysis:')));
            open.result.close();
          };
        };
      }),
  );

async function bpmOf(page: Page, name: string) {
  const text = await assetCard(page, name).getByTestId('asset-bpm').textContent();
  return Number(/(\d+(?:\.\d+)?) BPM/.exec(text ?? '')?.[1]);
}

describe('assets view', () => {
  it('uploads, refuses bad files with reasons, previews image, audio and video, renames, deletes with undo, and keeps it all after a reload', async () => {
    const { page, errors } = await openApp(context);
    const projectId = await createProjectInUi(page, 'Assets test');
    await page.goto(`${baseUrl()}/projects/${projectId}/assets`);
    await page.getByRole('button', { name: 'Upload files' }).waitFor();

    // Through the file picker: a real PNG, two fakes and an SVG carrying a script.
    await page.getByLabel('Files to upload').setInputFiles([
      { name: 'logo.png', mimeType: 'image/png', buffer: fixture('logo.png') },
      { name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('this is plain text, not an image at all') },
      { name: 'truncated.png', mimeType: 'image/png', buffer: Buffer.concat([PNG_SIGNATURE, Buffer.alloc(200, 7)]) },
      { name: 'wide.png', mimeType: 'image/png', buffer: greyPng(8193, 2) },
      { name: 'huge.png', mimeType: 'image/png', buffer: greyPng(30000, 30000, 1) },
      {
        name: 'badge.svg',
        mimeType: 'image/svg+xml',
        buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" onload="alert(1)"><script>alert(2)</script><circle cx="20" cy="20" r="18" fill="gold"/></svg>'),
      },
    ]);
    const results = page.getByTestId('upload-results');
    await results.getByTestId('upload-added').nth(1).waitFor();
    expect(await results.getByTestId('upload-added').allTextContents()).toEqual(['logo.png was added.', 'badge.svg was added.']);
    const refused = await results.getByTestId('upload-refused').allTextContents();
    expect(refused).toHaveLength(4);
    expect(refused[0]).toMatch(/^fake\.png was not added: its content is not a PNG image/);
    expect(refused[1]).toMatch(/^truncated\.png was not added: the image cannot be decoded/);
    expect(refused[2]).toBe('wide.png was not added: it is too large: 8193×2 px, the limit is 8192×8192 px.');
    // A valid picture too big to decode is called too large, not damaged.
    expect(refused[3]).toBe('huge.png was not added: it is too large: 30000×30000 px, the limit is 8192×8192 px.');
    await expect.poll(() => page.getByTestId('asset-card').count()).toBe(2);
    expect(await assetCard(page, 'fake.png').count()).toBe(0);

    // The image thumbnail is the real picture, at its natural size.
    const thumbnail = assetCard(page, 'logo.png').getByTestId('asset-thumbnail');
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => (img.complete ? `${img.naturalWidth}x${img.naturalHeight}` : 'loading'))).toBe('96x64');
    await expect.poll(() => assetCard(page, 'logo.png').locator('.asset-facts').textContent()).toMatch(/96×64/);

    // The stored SVG lost its script and handler.
    const svgDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download badge.svg' }).click();
    const svgText = readFileSync((await (await svgDownload).path())!, 'utf8');
    expect(svgText).toContain('<circle');
    expect(svgText).not.toMatch(/script|onload/i);

    // By drag and drop, two at once: the click track and a short video.
    await dropFiles(page, [
      { name: 'click-120bpm.wav', type: 'audio/wav', bytes: fixture('click-120bpm.wav') },
      { name: 'clip.webm', type: 'video/webm', bytes: fixture('clip.webm') },
    ]);
    await expect.poll(() => results.getByTestId('upload-added').allTextContents()).toEqual(['click-120bpm.wav was added.', 'clip.webm was added.']);

    // Audio: a drawn waveform with beat ticks, and the tempo of the click track.
    await assetCard(page, 'click-120bpm.wav').getByTestId('waveform').waitFor({ timeout: 60_000 });
    const pixels = await drawnPixels(page, 'click-120bpm.wav');
    expect(pixels.drawn).toBeGreaterThan(pixels.total * 0.01);
    expect(Math.abs((await bpmOf(page, 'click-120bpm.wav')) - 120)).toBeLessThanOrEqual(2);
    const beats = Number(await assetCard(page, 'click-120bpm.wav').getByTestId('waveform').getAttribute('data-beats'));
    expect(beats).toBeGreaterThanOrEqual(12); // 16 clicks in 8 s
    expect(beats).toBeLessThanOrEqual(17);

    // Video: a poster frame and the duration.
    const poster = assetCard(page, 'clip.webm').getByTestId('asset-poster');
    await poster.waitFor({ timeout: 60_000 });
    await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(128);
    expect(await assetCard(page, 'clip.webm').getByTestId('asset-duration').textContent()).toBe('0:02.0');

    // The staticFile() snippet goes to the clipboard.
    await page.getByRole('button', { name: 'Copy staticFile() for logo.png' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('staticFile("logo.png")');

    // Rename into a folder; a taken name is refused with the reason and changes nothing.
    await page.getByRole('button', { name: 'Rename logo.png' }).click();
    await page.getByLabel('New name for logo.png').fill('images/logo-main.png');
    await page.getByLabel('New name for logo.png').press('Enter');
    await assetCard(page, 'images/logo-main.png').waitFor();
    expect(await assetCard(page, 'logo.png').count()).toBe(0);
    await page.getByRole('button', { name: 'Rename clip.webm' }).click();
    await page.getByLabel('New name for clip.webm').fill('images/logo-main.png');
    await page.getByLabel('New name for clip.webm').press('Enter');
    await expect.poll(() => assetCard(page, 'clip.webm').getByRole('alert').textContent()).toMatch(/already called “images\/logo-main\.png”/);
    await page.getByLabel('New name for clip.webm').press('Escape');
    expect(await assetCard(page, 'clip.webm').locator('.asset-name').textContent()).toBe('clip.webm');

    // Delete, then undo from the toast: the card and its analysis come back.
    expect(await storedAnalysisKeys(page)).toHaveLength(3); // image, audio, video
    await page.getByRole('button', { name: 'Delete click-120bpm.wav' }).click();
    await expect.poll(() => assetCard(page, 'click-120bpm.wav').count()).toBe(0);
    expect(await storedAnalysisKeys(page)).toHaveLength(2);
    const toast = page.locator('.toast', { hasText: 'Deleted click-120bpm.wav.' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await assetCard(page, 'click-120bpm.wav').getByTestId('waveform').waitFor();
    expect(await storedAnalysisKeys(page)).toHaveLength(3);

    // After a reload everything is still there, previews included (read back, not recomputed).
    const decodingWorkers = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /(media|audio)\.worker/.test(n)).length);
    expect(await decodingWorkers()).toBe(2); // they did the work before the reload
    await page.reload();
    await assetCard(page, 'images/logo-main.png').waitFor();
    expect((await page.getByTestId('asset-card').locator('.asset-name').allTextContents()).sort()).toEqual(['badge.svg', 'click-120bpm.wav', 'clip.webm', 'images/logo-main.png']);
    await assetCard(page, 'click-120bpm.wav').getByTestId('waveform').waitFor({ timeout: 10_000 });
    expect((await drawnPixels(page, 'click-120bpm.wav')).drawn).toBeGreaterThan(0);
    expect(Math.abs((await bpmOf(page, 'click-120bpm.wav')) - 120)).toBeLessThanOrEqual(2);
    await assetCard(page, 'clip.webm').getByTestId('asset-poster').waitFor({ timeout: 10_000 });
    // The previews came from the stored analyses: neither decoding worker was even loaded.
    expect(await decodingWorkers()).toBe(0);
    await expect.poll(() => assetCard(page, 'images/logo-main.png').getByTestId('asset-thumbnail').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
    expect(errors).toEqual([]);
  });
});
