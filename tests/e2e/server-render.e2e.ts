import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { configureEdge, createProjectInUi, launchBrowser, openApp, waitForBuilt } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true })));
afterEach(() => context?.close());

const renderStarts = async () => ((await (await fetch(`${inject('fakesUrl')}/__fake/counts`)).json()) as { renderStarts: number }).renderStarts;


describe('server renders through the edge', () => {
  it('starts a full-resolution render, keeps tracking it after a reload, and downloads the file', async () => {
    const { page, errors } = await openApp(context);
    await configureEdge(page);
    await createProjectInUi(page, 'Server render');
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    await page.getByRole('button', { name: /^Basic/ }).click();
    await waitForBuilt(page);
    await page.getByRole('link', { name: 'Render', exact: true }).click();

    const before = await renderStarts();
    await page.getByRole('button', { name: 'Render on server' }).click();
    await page.getByTestId('render-row').filter({ hasText: 'Server ·' }).waitFor();
    await page.reload(); // mid-render: the row keeps its remote id and polling resumes
    const done = page.locator('[data-testid=render-row][data-state=done]').filter({ hasText: 'Server ·' });
    await done.waitFor({ timeout: 30_000 });
    expect(await renderStarts()).toBe(before + 1); // tracked again, never started twice

    const download = page.waitForEvent('download');
    await done.getByRole('button', { name: 'Download' }).click();
    expect((await download).suggestedFilename()).toMatch(/^Main-server-.*\.mp4$/);
    expect(errors).toEqual([]);
  });

  it('says plainly when the edge refuses the token', async () => {
    const { page } = await openApp(context);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Edge URL').fill(inject('edgeUrl'));
    await page.getByLabel('Access token').fill('not-a-valid-token');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('link', { name: '← Projects' }).click();
    await createProjectInUi(page, 'Refused');
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    await page.getByRole('button', { name: /^Basic/ }).click();
    await waitForBuilt(page);
    await page.getByRole('link', { name: 'Render', exact: true }).click();
    await page.getByRole('button', { name: 'Render on server' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'server render could not start' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/refused this access token/);
  });

  it('names the render service and its address when it is not running', { timeout: 90_000 }, async () => {
    // A second edge whose render service is configured but not running (nothing listens on port 9).
    const { startEdge } = await import('../../edge/bench/start-edge.mjs');
    const deadEnd = await startEdge({ upstreamUrl: inject('fakesUrl'), token: inject('edgeToken'), vars: { ALLOWED_ORIGINS: new URL(inject('baseUrl')).origin, RENDER_BACKEND_URL: 'http://127.0.0.1:9' } });
    try {
      const { page } = await openApp(context);
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByLabel('Edge URL').fill(deadEnd.url);
      await page.getByLabel('Access token').fill(inject('edgeToken'));
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByRole('link', { name: '← Projects' }).click();
      await createProjectInUi(page, 'No render service');
      await page.getByRole('link', { name: 'Code', exact: true }).click();
      await page.getByRole('button', { name: /^Basic/ }).click();
      await waitForBuilt(page);
      await page.getByRole('link', { name: 'Render', exact: true }).click();
      await page.getByRole('button', { name: 'Render on server' }).click();
      const alert = page.getByTestId('server-render-error');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('The render service at http://127.0.0.1:9 is not running (connection refused)');
    } finally {
      await deadEnd.close();
    }
  });
});
