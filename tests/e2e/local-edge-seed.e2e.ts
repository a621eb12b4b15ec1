import net from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { localEdgeConfigPlugin } from '../../scripts/lib/local-edge-config-plugin.mjs';
import { baseUrl, launchBrowser } from './browser';

let browser: Browser;
let context: BrowserContext;
let app: PreviewServer;
let appUrl: string;
let edge: { url: string; close: () => Promise<void> };

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  browser = await launchBrowser();
  // The app as `npm start` serves it (with the plugin), and an edge that allows its origin.
  const port = await freePort();
  appUrl = `http://localhost:${port}`;
  const { startEdge } = await import('../../edge/bench/start-edge.mjs');
  edge = await startEdge({ upstreamUrl: inject('fakesUrl'), token: inject('edgeToken'), vars: { ALLOWED_ORIGINS: appUrl, LOCAL_PROVIDERS: 'gemini,veo,runway' } });
  app = await preview({ logLevel: 'warn', preview: { port, strictPort: true, host: '127.0.0.1' }, plugins: [localEdgeConfigPlugin({ edgeUrl: edge.url, accessToken: inject('edgeToken') })] });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await edge?.close();
});
beforeEach(async () => (context = await browser.newContext()));
afterEach(() => context?.close());

describe("a fresh profile on npm start's app", () => {
  it('uses the local edge and its token at once, and keeps what the person saves', async () => {
    const page = await context.newPage();
    await page.goto(`${appUrl}/settings`);
    await expect.poll(() => page.getByLabel('Edge URL').inputValue()).toBe(edge.url);
    expect(await page.getByLabel('Access token').inputValue()).toBe(inject('edgeToken'));
    await page.getByTestId('local-demo-providers').waitFor(); // the seeded edge answered, without a click
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.locator('[data-testid=connection-status][data-part=ok]').waitFor();

    await page.getByLabel('Access token').fill('my-own-token');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Access token').inputValue()).toBe('my-own-token');
  });

  it('the service worker never answers /director-local.json with index.html', async () => {
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });
    const fetched = await page.evaluate(async () => {
      const res = await fetch('/director-local.json');
      return { status: res.status, type: res.headers.get('Content-Type'), body: await res.json() };
    });
    expect(fetched).toEqual({ status: 200, type: 'application/json', body: { edgeUrl: edge.url, accessToken: inject('edgeToken'), local: true } });
    const opened = await page.goto(`${appUrl}/director-local.json`);
    expect(opened!.headers()['content-type']).toBe('application/json');
  });

  it('a deployed app has no such file, and a fresh profile keeps the defaults', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/settings`);
    await page.getByLabel('Edge URL').waitFor();
    const answer = await page.evaluate(async () => {
      const res = await fetch('/director-local.json');
      return { status: res.status, type: res.headers.get('Content-Type') ?? '' };
    });
    expect(answer.status === 404 || !answer.type.includes('application/json')).toBe(true);
    expect(await page.getByLabel('Edge URL').inputValue()).toBe('http://localhost:8787');
    expect(await page.getByLabel('Access token').inputValue()).toBe('');
  });
});
