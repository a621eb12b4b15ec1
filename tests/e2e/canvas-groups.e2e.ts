import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCanvasNode, centerOf, createProjectInUi, dragMouse, launchBrowser, openApp, graphNode, pageNow, waitForGraphSaved } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1400, height: 900 } })));
afterEach(() => context?.close());

const boxOf = async (locator: Locator) => (await locator.boundingBox())!;
const inside = (outer: { x: number; y: number; width: number; height: number }, inner: { x: number; y: number; width: number; height: number }) =>
  outer.x <= inner.x && outer.y <= inner.y && outer.x + outer.width >= inner.x + inner.width && outer.y + outer.height >= inner.y + inner.height;
const node = (page: Page, label: string) => page.locator(`[data-testid=graph-node][aria-label="${label}"]`);

describe('canvas groups', () => {
  it('frames grouped nodes with a label, drags them by the title as one undo step, renames, and keeps it over a reload', async () => {
    const { page, errors } = await openApp(context);
    const projectId = await createProjectInUi(page, 'Groups');
    await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();
    await addCanvasNode(page, 'prompt', { x: 300, y: 300 });
    await addCanvasNode(page, 'veo', { x: 650, y: 340 });
    await addCanvasNode(page, 'extend', { x: 300, y: 680 });
    const prompt = node(page, 'Prompt');
    const veo = node(page, 'Veo video');
    const extend = node(page, 'Extend');

    // Group the prompt and Veo: a frame labelled "Group 1" appears around them (and only them).
    await prompt.locator('.graph-node-header').click();
    await veo.locator('.graph-node-header').click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Group', exact: true }).click();
    const frame = page.getByTestId('graph-group');
    await frame.filter({ hasText: 'Group 1' }).waitFor();
    expect(await frame.count()).toBe(1);
    const f0 = await boxOf(frame);
    const [p0, v0, e0] = [await boxOf(prompt), await boxOf(veo), await boxOf(extend)];
    expect(inside(f0, p0) && inside(f0, v0)).toBe(true);
    expect(inside(f0, e0)).toBe(false);
    expect(await page.getByTestId('minimap-group').count()).toBe(1);

    // Dragging the title bar moves both nodes and the frame; the node outside stays.
    const title = page.getByTestId('graph-group-title');
    const grab = { x: f0.x + 40, y: (await centerOf(title)).y };
    await dragMouse(page, grab, { x: grab.x + 120, y: grab.y + 90 });
    const [p1, v1, e1, f1] = [await boxOf(prompt), await boxOf(veo), await boxOf(extend), await boxOf(frame)];
    for (const [before, after] of [[p0, p1], [v0, v1], [f0, f1]] as const) {
      expect(Math.round(after.x - before.x)).toBe(120);
      expect(Math.round(after.y - before.y)).toBe(90);
    }
    expect([e1.x, e1.y]).toEqual([e0.x, e0.y]);

    // One undo step brings both back; redo moves them again.
    await page.keyboard.press('Control+z');
    expect([(await boxOf(prompt)).x, (await boxOf(veo)).x].map(Math.round)).toEqual([p0.x, v0.x].map(Math.round));
    expect([(await boxOf(prompt)).y, (await boxOf(veo)).y].map(Math.round)).toEqual([p0.y, v0.y].map(Math.round));
    await page.keyboard.press('Control+Shift+z');
    expect(Math.round((await boxOf(veo)).x)).toBe(Math.round(v1.x));

    // Double-click the title to rename; Enter keeps the new name.
    await title.dblclick({ position: { x: 40, y: 10 } });
    const field = page.getByLabel('Group name');
    await field.fill('Opening shot');
    await field.press('Enter');
    await frame.filter({ hasText: 'Opening shot' }).waitFor();
    expect(await field.count()).toBe(0);
    expect(await page.getByLabel('Search nodes').count()).toBe(0); // the double-click did not open the node palette
    // Renaming is an undo step of its own.
    await page.keyboard.press('Control+z');
    await frame.filter({ hasText: 'Group 1' }).waitFor();
    expect(Math.round((await boxOf(veo)).x)).toBe(Math.round(v1.x));
    const redoneAt = await pageNow(page);
    await page.keyboard.press('Control+Shift+z');
    await frame.filter({ hasText: 'Opening shot' }).waitFor();

    // A reload keeps the group, its name, and its nodes inside the frame.
    await waitForGraphSaved(page, projectId, redoneAt, (g) => g.groups.some((group) => group.label === 'Opening shot'));
    await page.reload();
    await page.getByTestId('graph-counts').filter({ hasText: '3 nodes' }).waitFor();
    await frame.filter({ hasText: 'Opening shot' }).waitFor();
    const f2 = await boxOf(frame);
    expect(inside(f2, await boxOf(prompt)) && inside(f2, await boxOf(veo))).toBe(true);
    expect(inside(f2, await boxOf(extend))).toBe(false);

    // Ungroup dissolves the frame and keeps the nodes; undo brings the group back.
    await graphNode(page, 'Prompt').locator('.graph-node-title').click();
    await page.getByRole('button', { name: 'Ungroup' }).click();
    await frame.waitFor({ state: 'detached' });
    expect(await page.getByTestId('graph-counts').textContent()).toMatch(/^3 nodes/);
    await page.keyboard.press('Control+z');
    await frame.filter({ hasText: 'Opening shot' }).waitFor();
    expect(errors).toEqual([]);
  });
});
