import { readFileSync } from 'node:fs';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startEdge } from '../../edge/bench/start-edge.mjs';
import { launchBrowser, openApp } from './browser';
import { startRealRenderService } from './real-render-service';

const EDGE_TOKEN = 'e2e-real-render-token';
const RENDER_TOKEN = 'e2e-real-render-service-token';

let browser: Browser;
let context: BrowserContext;
let service: Awaited<ReturnType<typeof startRealRenderService>>;
let edge: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  service = await startRealRenderService(RENDER_TOKEN);
  edge = await startEdge({ upstreamUrl: inject('fakesUrl'), token: EDGE_TOKEN, vars: { ALLOWED_ORIGINS: inject('baseUrl'), RENDER_BACKEND_URL: service.url, RENDER_BACKEND_TOKEN: RENDER_TOKEN } });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
}, 120_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await edge?.close();
  await service?.close();
});

describe('a server render through the edge and the real render service', () => {
  it('renders the project at full resolution with @remotion/renderer and downloads a valid MP4', async () => {
    const { page, errors } = await openApp(context);
    // A short video made by the local demo director (a fresh profile has no edge yet) …
    await page.getByRole('textbox', { name: /Describe your video/i }).fill('Make a 3 second square teaser for a bakery');
    await page.getByRole('button', { name: /Make it/i }).click();
    await page.getByTestId('chat-turn').filter({ hasText: /I made/ }).waitFor({ timeout: 90_000 });
    const projectUrl = page.url();

    // … then the edge in Settings, as a person would.
    await page.goto(new URL('/settings', projectUrl).href);
    await page.getByLabel('Edge URL').fill(edge.url);
    await page.getByLabel('Access token').fill(EDGE_TOKEN);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.goto(projectUrl);

    await page.getByRole('link', { name: 'Render', exact: true }).click();
    await page.getByRole('button', { name: 'Render on server' }).click();
    const done = page.locator('[data-testid=render-row][data-state=done]').filter({ hasText: 'Server ·' });
    await done.waitFor({ timeout: 240_000 });
    const download = page.waitForEvent('download');
    await done.getByRole('button', { name: 'Download' }).click();
    const bytes = readFileSync((await (await download).path())!);
    const video = await new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS }).getPrimaryVideoTrack();
    expect(await video!.getCodec()).toBe('avc');
    expect([video!.displayWidth, video!.displayHeight]).toEqual([1080, 1080]);
    expect((await video!.computePacketStats()).packetCount).toBe(90);
    expect(errors).toEqual([]);
  }, 360_000);
});
