import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { card, createProjectInUi, launchBrowser, openApp, storedProject, waitForBuilt } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext()));
afterEach(() => context?.close());

describe('offline', () => {
  it('after one online visit, opens, creates, edits and saves with the network off', async () => {
    const { page, errors } = await openApp(context);
    await page.getByRole('heading', { name: 'No projects yet' }).waitFor();
    // The service worker has precached the app and controls the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'No projects yet' }).waitFor();
    await page.getByText('Offline — your work is saved on this device').waitFor();

    const id = await createProjectInUi(page, 'Made offline');
    await page.getByLabel('Frame rate').selectOption('25');
    const title = page.getByLabel('Project name');
    await title.fill('Edited offline');
    await title.press('Enter');
    await expect.poll(async () => (await storedProject(page, id))?.name).toBe('Edited offline');
    // A lazily loaded route, the esbuild wasm and the preview runtime: all from the cache.
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    await page.getByRole('button', { name: /^Basic/ }).click();
    await waitForBuilt(page);
    await page.getByRole('link', { name: 'Canvas', exact: true }).click();

    await page.reload();
    await expect(page.getByLabel('Project name').inputValue()).resolves.toBe('Edited offline');
    await expect(page.getByLabel('Frame rate').inputValue()).resolves.toBe('25');
    await page.goto(page.url().replace(/\/projects\/.*/, '/'));
    await card(page, 'Edited offline').waitFor();
    expect(page.url()).not.toContain(id);
    expect(errors).toEqual([]);
  });
});
