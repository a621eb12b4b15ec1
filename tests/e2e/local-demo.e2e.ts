import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { LOCAL_PROVIDER_KEY, startLocalProviders } from '../../edge/local/local-providers.mjs';
import { baseUrl, graphNode, launchBrowser, openApp, openMontageStarterWithMusic, waitForNodeDone } from './browser';

let browser: Browser;
let context: BrowserContext;
let local: Awaited<ReturnType<typeof startLocalProviders>>;
let edge: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  browser = await launchBrowser();
  // The edge as `npm start` runs it without keys: every provider is the local demo server.
  local = await startLocalProviders({ port: 0 });
  const { startEdge } = await import('../../edge/bench/start-edge.mjs');
  edge = await startEdge({
    upstreamUrl: local.url,
    token: inject('edgeToken'),
    vars: { ALLOWED_ORIGINS: new URL(baseUrl()).origin, GEMINI_API_KEY: LOCAL_PROVIDER_KEY, RUNWAY_API_KEY: LOCAL_PROVIDER_KEY, LOCAL_PROVIDERS: 'gemini,veo,runway', UPSTREAM_TIMEOUT_MS: '30000' },
  });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await edge?.close();
  await local?.close();
});
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1500, height: 950 } })));
afterEach(() => context?.close());

describe('the local demo providers of npm start, in the app', () => {
  it('the "music → beat-cut montage" starter makes real clips, exports the montage, and labels the takes "Local demo"', { timeout: 300_000 }, async () => {
    const { page, errors } = await openApp(context);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Edge URL').fill(edge.url);
    await page.getByLabel('Access token').fill(inject('edgeToken'));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.getByTestId('local-demo-providers').waitFor();
    await page.getByRole('link', { name: '← Projects' }).click();

    await openMontageStarterWithMusic(page, 'Local montage');
    await page.getByRole('button', { name: 'Run all' }).click();
    await waitForNodeDone(page, 'Export', 260_000);

    // Each clip is a real 4 s 1280×720 video drawn from its prompt, marked as the local demo's.
    const clip = graphNode(page, 'Clip 1');
    expect(await clip.locator('.badge.local-demo').textContent()).toBe('Local demo');
    const size = await clip.locator('video').evaluate((v: HTMLVideoElement) =>
      v.readyState >= 1 ? [v.videoWidth, v.videoHeight, v.duration] : new Promise<number[]>((resolve, reject) => ((v.onloadedmetadata = () => resolve([v.videoWidth, v.videoHeight, v.duration])), (v.onerror = () => reject(new Error('the clip does not load'))))),
    );
    expect(size.slice(0, 2)).toEqual([1280, 720]);
    expect(size[2]).toBeCloseTo(4, 1);
    const exported = await graphNode(page, 'Export').locator('video').evaluate((v: HTMLVideoElement) =>
      v.readyState >= 1 ? v.duration : new Promise<number>((resolve, reject) => ((v.onloadedmetadata = () => resolve(v.duration)), (v.onerror = () => reject(new Error('the montage does not load'))))),
    );
    expect(exported).toBeGreaterThan(1);

    await clip.locator('.graph-node-title').click();
    const takes = page.getByRole('complementary', { name: 'Node settings' }).getByRole('region', { name: 'Takes' });
    expect(await takes.getByTestId('local-demo-take').textContent()).toContain('Local demo');
    expect(errors).toEqual([]);
  });
});
