import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

/** Debian's Chromium with the flags that keep it quiet on a machine without a network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export const baseUrl = () => inject('baseUrl');

const consoleLogs = new WeakMap<Page, string[]>();

/**
 * Waits until the Code view reports a finished build. On a timeout the error carries what the
 * page showed and logged, so a failure in CI says why rather than only that it waited.
 */
export async function waitForBuilt(page: Page, timeout = 30_000) {
  try {
    await page.getByTestId('build-status').filter({ hasText: /Built in \d+ ms/ }).waitFor({ timeout });
  } catch (e) {
    const status = await page.getByTestId('build-status').textContent({ timeout: 1000 }).catch(() => '(no build status)');
    const problems = await page.getByTestId('problems').textContent({ timeout: 1000 }).catch(() => '(no problems list)');
    const frames = page.frames().map((f) => f.url().slice(0, 80));
    const logs = (consoleLogs.get(page) ?? []).slice(-40).join('\n');
    throw new Error(`No finished build within ${timeout} ms. Status: ${JSON.stringify(status)}; problems: ${JSON.stringify(problems)}; frames: ${JSON.stringify(frames)}\nConsole:\n${logs}\n${(e as Error).message}`);
  }
}

/** A page of the app in a fresh context; browser console errors are collected for assertions. */
export async function openApp(context: BrowserContext, path = '/'): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const logs: string[] = [];
  consoleLogs.set(page, logs);
  page.on('console', (m) => logs.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`[pageerror] ${e.message}`));
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

/** A project's canvas graph as stored, with the fields the e2e tests look at. */
export interface StoredGraph {
  nodes: { id: string; kind: string; label?: string; params: Record<string, unknown> }[];
  edges: unknown[];
  groups: { id: string; label: string }[];
}

/** A project's canvas graph row as stored in IndexedDB right now, read with the raw API (not the app's code). */
export function storedGraphRow(page: Page, projectId: string): Promise<{ graph: StoredGraph; updatedAt: number } | undefined> {
  return page.evaluate(
    (id) =>
      new Promise<{ graph: StoredGraph; updatedAt: number } | undefined>((resolve, reject) => {
        const open = indexedDB.open('director');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const rows = open.result.transaction('graphs').objectStore('graphs').index('projectId').getAll(id);
          rows.onsuccess = () => {
            resolve(rows.result[0]);
            open.result.close();
          };
        };
      }),
    projectId,
  );
}

/** The page's clock: read it before an edit, then `waitForGraphSaved` knows which saves came after. */
export const pageNow = (page: Page) => page.evaluate(() => Date.now());

/**
 * Waits until the canvas's debounced save of the last edit is in IndexedDB: a row saved at or after
 * `editedAt` (the page's clock, read before that edit) with the counts the canvas shows, and
 * whatever `also` checks. A reload after this reads what the tab showed.
 */
export async function waitForGraphSaved(page: Page, projectId: string, editedAt: number, also: (graph: StoredGraph) => boolean = () => true, timeout = 10_000) {
  const shown = await page.getByTestId('graph-counts').textContent();
  await expect
    .poll(
      async () => {
        const row = await storedGraphRow(page, projectId);
        if (!row || row.updatedAt < editedAt) return 'no save since the edit';
        const counts = `${row.graph.nodes.length} nodes · ${row.graph.edges.length} connections`;
        return counts === shown && !also(row.graph) ? `${counts}, but not the edit` : counts;
      },
      { timeout },
    )
    .toBe(shown);
}

/** Points the app at the test edge through the Settings page, as a person would. */
export async function configureEdge(page: Page, models: { agent?: string } = {}) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Edge URL').fill(inject('edgeUrl'));
  await page.getByLabel('Access token').fill(inject('edgeToken'));
  if (models.agent) await page.getByLabel('Director agent (Gemini)').fill(models.agent);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Settings saved.').waitFor();
  await page.getByRole('link', { name: '← Projects' }).click();
}

/** Canvas: double-click at a point, search the palette, Enter adds the top hit there. */
export async function addCanvasNode(page: Page, search: string, at: { x: number; y: number }) {
  await page.mouse.dblclick(at.x, at.y);
  await page.getByLabel('Search nodes').fill(search);
  await page.keyboard.press('Enter');
}

export async function centerOf(locator: Locator) {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A mouse drag in a few steps (holding the given keys), as pointer events see a hand drag. */
export async function dragMouse(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, modifiers: 'Shift'[] = []) {
  for (const m of modifiers) await page.keyboard.down(m);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  for (const m of modifiers) await page.keyboard.up(m);
}

/** A node on the canvas by its title (its label, or its kind's title). */
export const graphNode = (page: Page, title: string) => page.locator(`[data-testid=graph-node][aria-label="${title}"]`);

/** Drags from one node's output port onto another's input port: `connectNodes(page, 'Prompt', 'text', 'Veo video', 'prompt')`. */
export async function connectNodes(page: Page, from: string, fromPort: string, to: string, toPort: string) {
  await dragMouse(page, await centerOf(graphNode(page, from).locator(`[data-output-port=${fromPort}] .port-dot`)), await centerOf(graphNode(page, to).locator(`[data-input-port=${toPort}]`)));
}

/** Waits for a node to finish; on a timeout the error lists every node's state and text, and the console's last lines. */
export async function waitForNodeDone(page: Page, title: string, timeout: number) {
  await graphNode(page, title)
    .and(page.locator('.state-done'))
    .waitFor({ timeout })
    .catch(async (e) => {
      const states = await page.locator('[data-testid=graph-node]').evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute('aria-label')}: ${n.className} ${n.textContent}`));
      const logs = (consoleLogs.get(page) ?? []).slice(-40).join('\n');
      throw new Error(`${(e as Error).message}\n${states.join('\n')}\nConsole:\n${logs}`);
    });
}

/** Distinct colours in a screenshot of the preview: a blank frame has one or two. Callers poll it: the player paints the sought frame when it is ready. */
export async function previewColours(page: Page): Promise<number> {
  const png = await page.locator('.preview-frame').screenshot();
  return page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 16) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return colours.size;
  }, png.toString('base64'));
}

/**
 * A project with the Beat montage code and the canvas's "music → beat-cut montage" starter, with
 * the click track in its Music node (waveform drawn), ready for Run all.
 */
export async function openMontageStarterWithMusic(page: Page, projectName: string) {
  await createProjectInUi(page, projectName);
  await page.getByRole('link', { name: 'Code', exact: true }).click();
  await page.getByRole('button', { name: /^Beat montage/ }).click();
  await waitForBuilt(page);
  await page.getByRole('link', { name: 'Canvas', exact: true }).click();
  await page.getByRole('button', { name: 'music → beat-cut montage', exact: false }).click();
  await graphNode(page, 'Music').locator('.graph-node-title').click();
  await page.getByRole('complementary', { name: 'Node settings' }).getByLabel('Choose audio file').setInputFiles('tests/media/fixtures/clicks.wav');
  await graphNode(page, 'Music').getByTestId('waveform').waitFor({ timeout: 30_000 });
  await page.keyboard.press('Escape');
}
