import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCanvasNode, baseUrl, card, createProjectInUi, launchBrowser, openApp, storedGraphRow } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext()));
afterEach(() => context?.close());

describe('two tabs on one project', () => {
  it('see each other’s edits and lose none', async () => {
    const { page: a } = await openApp(context);
    const { page: b, errors: bErrors } = await openApp(context);
    const id = await createProjectInUi(a, 'Shared');
    await card(b, 'Shared').waitFor(); // the home in tab B follows tab A

    await b.goto(`${baseUrl()}/projects/${id}/canvas`);
    await a.getByLabel('Project name').fill('Shared and renamed');
    await a.getByLabel('Project name').press('Enter');
    await b.waitForFunction(() => (document.querySelector('[aria-label="Project name"]') as HTMLInputElement)?.value === 'Shared and renamed');

    // Two different edits at the same moment in two tabs: both survive.
    await Promise.all([b.getByLabel('Frame rate').selectOption('50'), a.getByLabel('Video size').selectOption('square')]);
    for (const page of [a, b]) {
      await page.waitForFunction(
        () =>
          (document.querySelector('[aria-label="Frame rate"]') as HTMLSelectElement)?.value === '50' &&
          (document.querySelector('[aria-label="Video size"]') as HTMLSelectElement)?.value === 'square',
      );
    }
    await a.reload();
    await expect(a.getByLabel('Frame rate').inputValue()).resolves.toBe('50');
    await expect(a.getByLabel('Video size').inputValue()).resolves.toBe('square');
    await expect(a.getByLabel('Project name').inputValue()).resolves.toBe('Shared and renamed');

    // Deleting in one tab tells the other.
    await a.goto(baseUrl() + '/');
    await card(a, 'Shared and renamed').getByRole('button', { name: 'Delete' }).click();
    await b.getByRole('heading', { name: 'Project not found' }).waitFor({ timeout: 10_000 }).catch((e) => { throw new Error(`${e.message} page errors: ${bErrors.join('; ')}`); });
  });

  it('edit one canvas at the same moment: both nodes stay, and undo in one tab takes back only its own step', async () => {
    const { page: a, errors } = await openApp(context);
    const { page: b } = await openApp(context);
    const id = await createProjectInUi(a, 'Canvas for two');
    await a.goto(`${baseUrl()}/projects/${id}/canvas`);
    await b.goto(`${baseUrl()}/projects/${id}/canvas`);
    // Both canvases are up (the view loads on demand) before anything is pressed on them.
    for (const page of [a, b]) await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();
    const counts = (page: typeof a) => page.getByTestId('graph-counts').textContent();
    await addCanvasNode(a, 'prompt', { x: 150, y: 200 });
    await expect.poll(() => counts(b)).toBe('1 nodes · 0 connections');
    // Both tabs add a node, B before A's save has reached it (saves wait 300 ms for more edits).
    await addCanvasNode(a, 'image', { x: 150, y: 480 });
    await addCanvasNode(b, 'audio', { x: 600, y: 200 });
    for (const page of [a, b]) await expect.poll(() => counts(page), { timeout: 10_000 }).toBe('3 nodes · 0 connections');
    // Undo in tab A removes A's Image node; B's Audio node stays, in both tabs and in storage.
    await a.locator('.canvas-stage').click({ position: { x: 10, y: 10 } });
    await a.keyboard.press('Control+z');
    for (const page of [a, b]) await expect.poll(() => counts(page), { timeout: 10_000 }).toBe('2 nodes · 0 connections');
    await expect.poll(async () => (await storedGraphRow(a, id))?.graph.nodes.map((n) => n.kind).sort().join(','), { timeout: 10_000 }).toBe('audio,prompt');
    expect(errors).toEqual([]);
  });
});
