import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { card, createProjectInUi, launchBrowser, openApp, storedProject } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext()));
afterEach(() => context?.close());

describe('projects home', () => {
  it('creates, renames, duplicates, deletes with undo, and keeps all of it across a reload', async () => {
    const { page, errors } = await openApp(context);
    await page.getByRole('heading', { name: 'No projects yet' }).waitFor();

    await createProjectInUi(page, 'Coffee launch', 'Portrait');
    await expect(page.getByLabel('Project name').inputValue()).resolves.toBe('Coffee launch');
    await expect(page.getByLabel('Video size').inputValue()).resolves.toBe('portrait');
    await page.getByRole('link', { name: 'All projects' }).click();

    // Rename in place.
    await card(page, 'Coffee launch').getByRole('button', { name: 'Rename' }).click();
    const rename = card(page, 'Coffee launch').getByLabel('Project name');
    await rename.fill('Coffee teaser');
    await rename.press('Enter');
    await card(page, 'Coffee teaser').waitFor();

    // Duplicate.
    await card(page, 'Coffee teaser').getByRole('button', { name: 'Duplicate' }).click();
    await card(page, 'Coffee teaser (copy)').waitFor();
    expect(await card(page, 'Coffee teaser (copy)').getByText('1080×1920').isVisible()).toBe(true);

    // Delete, then Undo from the toast.
    await card(page, 'Coffee teaser').getByRole('button', { name: 'Delete' }).click();
    await card(page, 'Coffee teaser').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Undo' }).click();
    await card(page, 'Coffee teaser').waitFor();

    // Delete, then Ctrl+Z.
    await card(page, 'Coffee teaser (copy)').getByRole('button', { name: 'Delete' }).click();
    await card(page, 'Coffee teaser (copy)').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await card(page, 'Coffee teaser (copy)').waitFor();

    // Delete and let the undo window pass: gone for good, also after a reload.
    await card(page, 'Coffee teaser (copy)').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted “Coffee teaser (copy)”' }).getByRole('button', { name: 'Dismiss' }).click();
    const storedProjects = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('director');
            open.onsuccess = () => {
              const count = open.result.transaction('projects').objectStore('projects').count();
              count.onsuccess = () => resolve(count.result);
            };
          }),
      );
    await expect.poll(storedProjects).toBe(1); // purged, not just hidden
    await page.reload();
    await card(page, 'Coffee teaser').waitFor();
    expect(await page.getByRole('article').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('searches and sorts', async () => {
    const { page } = await openApp(context);
    for (const name of ['Beta spot', 'Alpha film', 'Gamma spot']) {
      await createProjectInUi(page, name);
      await page.getByRole('link', { name: 'All projects' }).click();
    }
    const names = () => page.getByRole('article').evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')));
    expect(await names()).toEqual(['Gamma spot', 'Alpha film', 'Beta spot']);
    await page.getByLabel('Sort projects').selectOption('name');
    expect(await names()).toEqual(['Alpha film', 'Beta spot', 'Gamma spot']);
    await page.getByLabel('Search projects').fill('SPOT');
    expect(await names()).toEqual(['Beta spot', 'Gamma spot']);
    await page.getByLabel('Search projects').fill('nothing like this');
    expect(await page.getByText('No project matches').isVisible()).toBe(true);
  });

  it('opens each project view, edits format, and shows settings', async () => {
    const { page, errors } = await openApp(context);
    const id = await createProjectInUi(page, 'Views');
    await page.getByRole('link', { name: 'Storyboard', exact: true }).click();
    await page.waitForURL(new RegExp(`/projects/${id}/storyboard$`));
    await page.getByTestId('storyboard-empty').getByRole('heading', { name: 'Plan your video shot by shot' }).waitFor();
    await page.getByRole('link', { name: 'Canvas', exact: true }).click();
    await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    await page.getByTestId('start-choices').waitFor(); // a new project starts from a template
    await page.getByRole('link', { name: 'Render', exact: true }).click();
    await page.getByRole('heading', { name: 'Exports' }).waitFor();
    await page.getByLabel('Frame rate').selectOption('60');
    await page.getByLabel('Video size').selectOption('square');
    await expect.poll(async () => (await storedProject(page, id))?.width).toBe(1080);
    await page.reload();
    await expect(page.getByLabel('Frame rate').inputValue()).resolves.toBe('60');
    await expect(page.getByLabel('Video size').inputValue()).resolves.toBe('square');

    await page.goto(page.url().replace(/\/projects\/.*/, '/settings'));
    await page.getByLabel('Edge URL').fill('https://edge.example.test');
    await page.getByLabel('Access token').fill('secret-token');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.reload();
    await expect(page.getByLabel('Edge URL').inputValue()).resolves.toBe('https://edge.example.test');
    await expect(page.getByLabel('Access token').inputValue()).resolves.toBe('secret-token');
    expect(await page.getByTestId('storage-meter').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});
