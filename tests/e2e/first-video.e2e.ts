import { readFileSync } from 'node:fs';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, waitForBuilt } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })));
afterEach(() => context?.close());

/** The [r, g, b] of a pixel near the top-left corner of a PNG, decoded by the browser itself. */
async function cornerColour(page: Page, png: Buffer): Promise<number[]> {
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    return [...context.getImageData(4, 4, 1, 1).data.slice(0, 3)];
  }, png.toString('base64'));
}

async function stillOf(page: Page): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Still' }).click();
  return readFileSync((await (await download).path())!);
}

/** Waits for the chat's n-th finished turn and returns it. */
async function finishedTurn(page: Page, n: number) {
  const turn = page.getByTestId('chat-turn').nth(n - 1);
  await turn.waitFor({ timeout: 90_000 });
  return turn;
}

const hex = (rgb: number[]) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

describe('a newcomer makes a video from a sentence (fresh profile, no keys)', () => {
  // Two Director turns and an export run inside this test.
  it('describes it on Home, gets a playing multi-scene preview, makes it blue, exports an MP4', { timeout: 180_000 }, async () => {
    const { page, errors } = await openApp(context);
    await page.getByRole('textbox', { name: /Describe your video/i }).fill('Make a 10 second product teaser for a coffee brand');
    await page.getByRole('button', { name: /Make it/i }).click();
    await page.waitForURL(/\/projects\/[^/]+\/code$/);

    // The local demo director says what it is, and writes a video through the real tools.
    await page.getByTestId('chat-model').filter({ hasText: 'Local demo model' }).waitFor();
    const first = await finishedTurn(page, 1);
    expect(await first.getAttribute('data-status')).toBe('clean');
    expect(await first.textContent()).toMatch(/3 scenes: Coffee Brand → Made with care → Try it today/);
    await waitForBuilt(page);
    await page.getByTestId('frame-counter').filter({ hasText: /^0 \/ 299/ }).waitFor();

    // It plays: the frame counter moves on its own.
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByTestId('frame-counter').filter({ hasText: /^([1-9]\d*) \/ 299/ }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Pause' }).click();

    const brown = await cornerColour(page, await stillOf(page));

    // A follow-up changes the colours: the frame's background turns blue.
    await page.getByLabel('Message to the Director').fill('make it blue');
    await page.getByRole('button', { name: 'Send' }).click();
    const second = await finishedTurn(page, 2);
    expect(await second.getAttribute('data-status')).toBe('clean');
    expect(await second.textContent()).toMatch(/Done: blue colours/);
    await waitForBuilt(page);
    await expect.poll(async () => hex(await cornerColour(page, await stillOf(page))), { timeout: 15_000 }).not.toBe(hex(brown));
    const [r, g, b] = await cornerColour(page, await stillOf(page));
    expect(b).toBeGreaterThan(r! + 20);
    expect(b).toBeGreaterThan(g!);

    // Export in the browser: a valid H.264 MP4 of the whole 10 s.
    await page.getByRole('link', { name: 'Render', exact: true }).click();
    await page.getByRole('button', { name: /^Export in browser/ }).click();
    const row = page.locator('[data-testid=render-row][data-state=done]').first();
    await row.waitFor({ timeout: 120_000 });
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Download' }).click();
    const bytes = readFileSync((await (await download).path())!);
    const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
    const video = await input.getPrimaryVideoTrack();
    expect(await video!.getCodec()).toBe('avc');
    expect([video!.displayWidth, video!.displayHeight]).toEqual([1920, 1080]);
    expect((await video!.computePacketStats()).packetCount).toBe(300);
    expect(errors).toEqual([]);
  });
});
