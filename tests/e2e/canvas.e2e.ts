import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCanvasNode, centerOf, createProjectInUi, dragMouse, launchBrowser, openApp, pageNow, waitForGraphSaved } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true })));
afterEach(() => context?.close());

const nodes = (page: Page) => page.getByTestId('graph-node');
const counts = async (page: Page) => (await page.getByTestId('graph-counts').textContent())!;




describe('node canvas', () => {
  it('adds, connects (refusing wrong types with the reason), drags as one undo step, selects, copies, deletes, and keeps it all', async () => {
    const { page, errors } = await openApp(context);
    const projectId = await createProjectInUi(page, 'Canvas');
    await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();

    await addCanvasNode(page, 'prompt', { x: 300, y: 300 });
    await addCanvasNode(page, 'extend', { x: 700, y: 300 });
    await addCanvasNode(page, 'veo', { x: 300, y: 550 });
    expect(await counts(page)).toBe('3 nodes · 0 connections');
    const prompt = nodes(page).filter({ hasText: 'Prompt' }).first();
    const extend = page.locator('[data-testid=graph-node][aria-label="Extend"]');
    const veo = page.locator('[data-testid=graph-node][aria-label="Veo video"]');

    // Text into a Video input: refused, and the reason is shown.
    const promptOut = prompt.locator('[data-output-port=text] .port-dot');
    await dragMouse(page, await centerOf(promptOut), await centerOf(extend.locator('[data-input-port=video]')));
    await page.getByRole('alert').filter({ hasText: 'Video input expects a video, got text' }).waitFor();
    expect(await counts(page)).toBe('3 nodes · 0 connections');

    // Valid: text into the Prompt input of Veo, Veo's video into Extend's video.
    await dragMouse(page, await centerOf(promptOut), await centerOf(veo.locator('[data-input-port=prompt]')));
    await dragMouse(page, await centerOf(veo.locator('[data-output-port=video] .port-dot')), await centerOf(extend.locator('[data-input-port=video]')));
    expect(await counts(page)).toBe('3 nodes · 2 connections');

    // A drag of a node is one undo step.
    const before = (await extend.boundingBox())!;
    const header = await centerOf(extend.locator('.graph-node-header'));
    await dragMouse(page, header, { x: header.x + 150, y: header.y + 80 });
    const after = (await extend.boundingBox())!;
    expect(Math.round(after.x - before.x)).toBe(150);
    await page.keyboard.press('Control+z');
    expect(Math.round((await extend.boundingBox())!.x)).toBe(Math.round(before.x));
    await page.keyboard.press('Control+Shift+z');
    expect(Math.round((await extend.boundingBox())!.x)).toBe(Math.round(after.x));

    // Box select (shift-drag adds to the selection, so clear it first) two nodes, copy and paste
    // them with their inner connection.
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid=graph-node].selected').count()).toBe(0);
    const p = (await prompt.boundingBox())!;
    const v = (await veo.boundingBox())!;
    await dragMouse(page, { x: p.x - 20, y: p.y - 20 }, { x: v.x + v.width + 20, y: v.y + v.height + 20 }, ['Shift']);
    expect(await page.locator('[data-testid=graph-node].selected').count()).toBe(2);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    expect(await counts(page)).toBe('5 nodes · 3 connections');

    // Delete the pasted pair; undo brings it back.
    await page.keyboard.press('Delete');
    expect(await counts(page)).toBe('3 nodes · 2 connections');
    const undoneAt = await pageNow(page);
    await page.keyboard.press('Control+z');
    expect(await counts(page)).toBe('5 nodes · 3 connections');

    // Everything survives a reload.
    await waitForGraphSaved(page, projectId, undoneAt);
    await page.reload();
    await page.getByTestId('graph-counts').filter({ hasText: '5 nodes · 3 connections' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('loads a starter graph, edits a param in the inspector, exports the workflow and imports it back; a malformed file is refused', async () => {
    const { page } = await openApp(context);
    await createProjectInUi(page, 'Workflows');
    await page.getByRole('button', { name: 'music → beat-cut montage', exact: false }).click();
    const loaded = await counts(page);
    expect(loaded).toMatch(/^[1-9]\d* nodes · [1-9]\d* connections$/);

    await nodes(page).first().locator('.graph-node-header').click();
    await page.getByRole('complementary', { name: 'Node settings' }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export workflow' }).click();
    const file = await download;
    const json = JSON.parse(await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8'));
    expect(json.graph?.nodes?.length ?? json.nodes?.length).toBeGreaterThan(0);

    // Clear the canvas, then import the file back.
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    expect(await counts(page)).toBe('0 nodes · 0 connections');
    await page.getByTestId('workflow-input').setInputFiles({ name: 'flow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
    await page.getByTestId('graph-counts').filter({ hasText: loaded }).waitFor();

    await page.getByTestId('workflow-input').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"nope"') });
    await page.getByRole('alert').filter({ hasText: 'Could not import “bad.json”' }).waitFor();
    expect(await counts(page)).toBe(loaded);
  });
});
