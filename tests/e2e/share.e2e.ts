import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { configureEdge, createProjectInUi, launchBrowser, openApp, waitForBuilt } from './browser';

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

async function newContext() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  contexts.push(context);
  return context;
}


const projectCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('director');
        open.onsuccess = () => {
          const req = open.result.transaction('projects').objectStore('projects').count();
          req.onsuccess = () => resolve(req.result);
        };
      }),
  );

describe('end-to-end encrypted share links', () => {
  it('shares a project from one browser and opens it in a fresh one; wrong key and stopped shares write nothing', async () => {
    const { page: alice } = await openApp(await newContext());
    await configureEdge(alice);
    await createProjectInUi(alice, 'Shared launch');
    await alice.getByRole('link', { name: 'Code', exact: true }).click();
    await alice.getByRole('button', { name: /^Basic/ }).click();
    await waitForBuilt(alice);

    await alice.getByRole('button', { name: 'Share' }).click();
    const linkInput = alice.getByLabel('Share link');
    await linkInput.waitFor({ timeout: 20_000 });
    const link = await linkInput.inputValue();
    const url = new URL(link);
    expect(url.pathname).toMatch(/^\/s\/[A-Za-z0-9_-]{22,}$/);
    expect(url.hash).toMatch(/^#[A-Za-z0-9_-]{43}$/);

    // The edge holds ciphertext only: no project text appears in what it serves.
    const stored = await fetch(`${inject('edgeUrl')}/api/shares/${url.pathname.split('/').pop()}`);
    expect(stored.status).toBe(200);
    const bytes = Buffer.from(await stored.arrayBuffer());
    expect(bytes.includes(Buffer.from('registerRoot'))).toBe(false);
    expect(bytes.includes(Buffer.from('manifest.json'))).toBe(false);

    // Bob: a fresh browser, the app never opened before, opens the link.
    const bobContext = await newContext();
    const bob = await bobContext.newPage();
    await bob.goto(link.replace(url.origin, inject('baseUrl')) + (url.search ? '' : ''));
    // A link alone writes nothing: the copy is made only when Bob says so.
    await bob.getByRole('heading', { name: 'Open a copy of this shared project?' }).waitFor();
    expect(bob.url()).not.toContain('#');
    expect(await projectCount(bob)).toBe(0);
    await bob.getByRole('button', { name: 'Open a copy' }).click();
    await bob.waitForURL(/\/projects\/[^/]+\/code$/, { timeout: 45_000 }).catch(async (e) => {
      throw new Error(`${(e as Error).message}; the page says: ${(await bob.locator('main').textContent().catch(() => ''))?.slice(0, 300)}`);
    });
    expect(bob.url()).not.toContain('#');
    await waitForBuilt(bob);
    expect(await bob.getByLabel('Project name').inputValue()).toBe('Shared launch');
    await bob.getByRole('button', { name: 'Main.tsx', exact: true }).waitFor();

    // A wrong key: a clear page, nothing written.
    const carol = await (await newContext()).newPage();
    await carol.goto(`${inject('baseUrl')}${url.pathname}${url.search}#${'B'.repeat(43)}`);
    await carol.getByRole('button', { name: 'Open a copy' }).click();
    await carol.getByRole('heading', { name: 'This shared project cannot be opened' }).waitFor();
    expect(await carol.getByRole('alert').textContent()).toMatch(/key does not open/);
    expect(await projectCount(carol)).toBe(0);

    // Alice stops sharing: the link no longer opens.
    await alice.getByRole('button', { name: 'Stop sharing' }).click();
    await alice.getByText('Sharing stopped').waitFor();
    const dave = await (await newContext()).newPage();
    await dave.goto(link.replace(url.origin, inject('baseUrl')));
    await dave.getByRole('button', { name: 'Open a copy' }).click();
    await dave.getByRole('heading', { name: 'This shared project cannot be opened' }).waitFor();
    expect(await dave.getByRole('alert').textContent()).toMatch(/no share with this id|Not found/);
    expect(await projectCount(dave)).toBe(0);
  });
});
