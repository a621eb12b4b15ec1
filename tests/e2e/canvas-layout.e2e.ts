import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCanvasNode, baseUrl, configureEdge, connectNodes, createProjectInUi, graphNode, launchBrowser, openApp } from './browser';
import { boxOf, errorsOverPorts, overlappingNodes } from './layout-checks';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1400, height: 900 } })));
afterEach(() => context?.close());

type Position = { x: number; y: number };

/** Where each node is drawn, in graph units (its left/top), by label. */
const drawnPositions = (page: Page) =>
  page.locator('[data-testid=graph-node]').evaluateAll((els) => Object.fromEntries(els.map((el) => [el.getAttribute('aria-label'), { x: parseFloat((el as HTMLElement).style.left), y: parseFloat((el as HTMLElement).style.top) }])) as Record<string, Position>);

interface StoredNode {
  kind: string;
  label?: string;
  params: Record<string, unknown>;
  position: Position;
}

/** The project's graph nodes as stored in IndexedDB, read with the raw API (not the app's code). */
const storedNodes = (page: Page, projectId: string) =>
  page.evaluate(
    (id) =>
      new Promise<StoredNode[]>((resolve, reject) => {
        const open = indexedDB.open('director');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const rows = open.result.transaction('graphs').objectStore('graphs').index('projectId').getAll(id);
          rows.onsuccess = () => {
            resolve(rows.result[0]?.graph?.nodes ?? []);
            open.result.close();
          };
        };
      }),
    projectId,
  );

const TITLES: Record<string, string> = { image: 'Image', prompt: 'Prompt', 'veo-video': 'Veo video' };
/** Stored node positions by the title the canvas shows. */
const storedPositions = async (page: Page, projectId: string) => Object.fromEntries((await storedNodes(page, projectId)).map((n) => [n.label ?? TITLES[n.kind] ?? n.kind, n.position]));
const canvas = (page: Page) => page.locator('[data-testid=graph-canvas]');

describe('canvas layout', () => {
  it('a node that grows (a picture appears) moves the node under it down: stored, one undo step, and the same in another tab', async () => {
    const { page, errors } = await openApp(context);
    const id = await createProjectInUi(page, 'Growing nodes');
    await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();
    await addCanvasNode(page, 'image', { x: 300, y: 220 });
    await addCanvasNode(page, 'prompt', { x: 310, y: 330 });
    await page.keyboard.press('Escape');
    const { page: other } = await openApp(context, `/projects/${id}/canvas`);
    await graphNode(other, 'Prompt').waitFor();
    const before = (await drawnPositions(page)).Prompt!;
    expect(await overlappingNodes(page)).toEqual([]);

    await graphNode(page, 'Image').locator('.graph-node-title').click();
    await page.getByRole('complementary', { name: 'Node settings' }).getByLabel('Choose image file').setInputFiles('tests/vision/fixtures/biden-1.jpg');
    await graphNode(page, 'Image').locator('img.node-thumb').waitFor();
    await expect.poll(async () => (await drawnPositions(page)).Prompt!.y).toBeGreaterThan(before.y);
    const pushed = await drawnPositions(page);
    expect(pushed.Prompt!.x).toBe(before.x);
    expect(await overlappingNodes(page)).toEqual([]);
    // What is drawn is what is stored, and what the other tab draws (its picture too, and no overlap).
    await expect.poll(() => storedPositions(page, id)).toEqual(pushed);
    await expect.poll(() => drawnPositions(other)).toEqual(pushed);
    await graphNode(other, 'Image').locator('img.node-thumb').waitFor();
    expect(await overlappingNodes(other)).toEqual([]);

    // The move is one undo step of its own (the upload stays), and redo makes it again.
    await canvas(page).focus();
    await page.keyboard.press('Control+z');
    expect((await drawnPositions(page)).Prompt).toEqual(before);
    await graphNode(page, 'Image').locator('img.node-thumb').waitFor();
    await page.keyboard.press('Control+Shift+z');
    expect((await drawnPositions(page)).Prompt).toEqual(pushed.Prompt);
    await expect.poll(() => drawnPositions(other)).toEqual(pushed);
    expect(errors).toEqual([]);
  });

  it('Tidy lays the graph out left to right by what feeds what, spaced by real sizes, as one undo step; Shift+T does the same', async () => {
    const { page, errors } = await openApp(context);
    await createProjectInUi(page, 'Tidy');
    await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();
    // Drawn backwards: the last step on the left, the prompt on the right.
    await addCanvasNode(page, 'extend', { x: 150, y: 200 });
    await addCanvasNode(page, 'veo', { x: 480, y: 420 });
    await addCanvasNode(page, 'prompt', { x: 850, y: 200 });
    await connectNodes(page, 'Prompt', 'text', 'Veo video', 'prompt');
    await connectNodes(page, 'Veo video', 'video', 'Extend', 'video');
    await page.keyboard.press('Escape');
    const before = await drawnPositions(page);

    await page.getByRole('button', { name: 'Tidy' }).click();
    await expect.poll(async () => (await drawnPositions(page)).Extend!.x).not.toBe(before.Extend!.x);
    const tidied = await drawnPositions(page);
    expect(tidied.Prompt!.x).toBeLessThan(tidied['Veo video']!.x);
    expect(tidied['Veo video']!.x).toBeLessThan(tidied.Extend!.x);
    expect(await overlappingNodes(page)).toEqual([]);
    // Edges run left to right: each output port is left of the input it feeds.
    for (const [from, fromPort, to, toPort] of [['Prompt', 'text', 'Veo video', 'prompt'], ['Veo video', 'video', 'Extend', 'video']] as const) {
      const out = await boxOf(graphNode(page, from).locator(`[data-output-port=${fromPort}] .port-dot`));
      const into = await boxOf(graphNode(page, to).locator(`[data-input-port=${toPort}]`));
      expect(out.x).toBeLessThan(into.x);
    }

    await canvas(page).focus();
    await page.keyboard.press('Control+z');
    expect(await drawnPositions(page)).toEqual(before);
    await page.keyboard.press('Shift+T');
    await expect.poll(() => drawnPositions(page)).toEqual(tidied);
    expect(errors).toEqual([]);
  });

  it('a long error wraps in the node body under the ports, clamped with "more"; expanding it moves the node below', async () => {
    const { page, errors } = await openApp(context);
    await configureEdge(page, { agent: 'gemini-2.5-flash' }); // the model the test edge allows
    await createProjectInUi(page, 'Errors');
    await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();
    await addCanvasNode(page, 'prompt', { x: 200, y: 250 });
    await page.getByRole('complementary', { name: 'Node settings' }).getByLabel('Text', { exact: true }).fill('[fake:400] A lighthouse at dusk');
    await addCanvasNode(page, 'enhance', { x: 520, y: 250 });
    await connectNodes(page, 'Prompt', 'text', 'Enhance', 'prompt');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Run all' }).click();

    const enhance = graphNode(page, 'Enhance');
    await enhance.and(page.locator('.state-error')).waitFor({ timeout: 30_000 });
    // A node just under the failed one, closer than the room a longer error needs.
    const failed = await boxOf(enhance);
    await addCanvasNode(page, 'veo', { x: failed.x + 10, y: failed.y + failed.height + 8 });
    await page.keyboard.press('Escape');
    expect(await overlappingNodes(page)).toEqual([]);
    const text = enhance.getByTestId('node-error');
    const message = (await text.textContent())!;
    expect(message).toMatch(/Invalid JSON payload/);
    expect(await text.getAttribute('title')).toBe(message);
    expect(await errorsOverPorts(page)).toEqual([]);
    const more = enhance.getByRole('button', { name: 'more' });
    await more.waitFor();
    const clamped = await boxOf(text);
    const lineHeight = await text.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect(clamped.height).toBeLessThanOrEqual(3 * lineHeight + 1);
    const veoBefore = (await drawnPositions(page))['Veo video']!;

    await more.click();
    await enhance.getByRole('button', { name: 'less' }).waitFor();
    expect((await boxOf(text)).height).toBeGreaterThan(clamped.height);
    await expect.poll(async () => (await drawnPositions(page))['Veo video']!.y).toBeGreaterThan(veoBefore.y);
    expect(await overlappingNodes(page)).toEqual([]);
    expect(await errorsOverPorts(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the inspector names params and choices for people, and the node shows them with units', async () => {
    const { page, errors } = await openApp(context);
    const id = await createProjectInUi(page, 'Labels');
    await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();
    await addCanvasNode(page, 'veo', { x: 300, y: 250 });
    const inspector = page.getByRole('complementary', { name: 'Node settings' });
    await inspector.getByLabel('Duration (s)').selectOption('4');
    await inspector.getByLabel('Aspect ratio').selectOption('9:16 portrait');
    const veo = graphNode(page, 'Veo video');
    await veo.locator('[data-param=durationSeconds]').filter({ hasText: '4 s' }).waitFor();
    expect(await veo.getByTestId('node-params').innerText()).toMatch(/Mode\s+Text → video\s+Aspect ratio\s+9:16 portrait\s+Duration\s+4 s\s+Resolution\s+720p/);
    expect(await inspector.getByLabel('Mode', { exact: true }).locator('option').allTextContents()).toEqual(['Text → video', 'Image → video', 'First + last frame', 'Reference images']);
    const fields = await inspector.locator('.props-editor .field > span').allTextContents();
    for (const field of fields) expect(field, 'a code name in the inspector').not.toMatch(/[a-z][A-Z]|_/);
    expect(fields).toContain('Seed');
    // Stored under the same keys and values as ever; a reload shows them again.
    await expect.poll(async () => (await storedNodes(page, id))[0]?.params).toMatchObject({ durationSeconds: 4, aspectRatio: '9:16', mode: 'text_to_video' });
    await page.goto(`${baseUrl()}/projects/${id}/canvas`);
    await graphNode(page, 'Veo video').locator('[data-param=aspectRatio]').filter({ hasText: '9:16 portrait' }).waitFor();
    expect(errors).toEqual([]);
  });
});
