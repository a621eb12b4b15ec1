import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium with the flags that keep it quiet on a machine without a network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export const baseUrl = () => inject('baseUrl');

/** A page of the app in a fresh context; browser console errors are collected for assertions. */
export async function openApp(context: BrowserContext, path = '/'): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl() + path);
  return { page, errors };
}

/** Creates a project through the New project dialog and waits for its page. */
export async function createProjectInUi(page: Page, name: string, size: 'Landscape' | 'Portrait' | 'Square' = 'Landscape') {
  await page.getByRole('button', { name: 'New project' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByText(size, { exact: false }).click();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/projects\/[^/]+\/canvas$/);
  const id = page.url().match(/projects\/([^/]+)/)![1]!;
  return id;
}

export const card = (page: Page, name: string) => page.getByRole('article', { name, exact: true });

/** A project row as stored in IndexedDB right now, read with the raw API (not the app's code). */
export function storedProject(page: Page, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    (projectId) =>
      new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const open = indexedDB.open('director');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('projects').objectStore('projects').get(projectId);
          get.onsuccess = () => {
            resolve(get.result);
            open.result.close();
          };
        };
      }),
    id,
  );
}
