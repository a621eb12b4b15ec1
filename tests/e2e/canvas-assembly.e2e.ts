import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCanvasNode, waitForNodeDone, configureEdge, connectNodes, createProjectInUi, graphNode, launchBrowser, openApp, openMontageStarterWithMusic, waitForBuilt } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1500, height: 950 } })));
afterEach(() => context?.close());


describe('canvas: from a prompt to a rendered video of the project', () => {
  it('enhances a prompt, wires it into the composition, renders it in the browser, and goes stale when the code changes', { timeout: 150_000 }, async () => {
    const { page, errors } = await openApp(context);
    await configureEdge(page, { agent: 'gemini-2.5-flash' }); // the model the test edge allows
    await createProjectInUi(page, 'Canvas montage');
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    await page.getByRole('button', { name: /^Basic/ }).click();
    await waitForBuilt(page);
    await page.getByRole('link', { name: 'Canvas', exact: true }).click();
    await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();
    const inspector = page.getByRole('complementary', { name: 'Node settings' });

    await addCanvasNode(page, 'prompt', { x: 150, y: 200 });
    await inspector.getByLabel('Text', { exact: true }).fill('A launch video for our coffee app');
    await addCanvasNode(page, 'enhance', { x: 450, y: 200 });
    await inspector.getByLabel('Style preset').selectOption('Product');
    await addCanvasNode(page, 'composition', { x: 750, y: 200 });
    await inspector.getByRole('button', { name: 'Add prop' }).click();
    await inspector.getByLabel('Prop 1 name').fill('title');
    await inspector.getByLabel('Prop 1 name').press('Tab');
    await graphNode(page, 'Composition').locator('[data-input-port=title]').waitFor();
    await addCanvasNode(page, 'render', { x: 1050, y: 200 });
    await inspector.getByLabel('Quality').selectOption('Draft');

    await connectNodes(page, 'Prompt', 'text', 'Enhance', 'prompt');
    await connectNodes(page, 'Enhance', 'text', 'Composition', 'title');
    await connectNodes(page, 'Composition', 'composition', 'Render', 'composition');
    expect(await page.getByTestId('graph-counts').textContent()).toBe('4 nodes · 3 connections');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Run all' }).click();
    const render = graphNode(page, 'Render');
    await waitForNodeDone(page, 'Render', 120_000);
    // The fake Gemini answers "Fake answer to: <the user turn>": the rewrite went through the edge.
    expect(await graphNode(page, 'Enhance').textContent()).toContain('Fake answer to: A launch video for our coffee app');
    expect(await graphNode(page, 'Composition').getByTestId('composition-summary').textContent()).toMatch(/^Main · 1920×1080 · \d+\.\d s$/);
    await graphNode(page, 'Composition').locator('img.node-thumb').waitFor();
    const duration = await render.locator('video').evaluate((v: HTMLVideoElement) =>
      v.readyState >= 1 ? v.duration : new Promise<number>((resolve, reject) => ((v.onloadedmetadata = () => resolve(v.duration)), (v.onerror = () => reject(new Error('the rendered video does not load'))))),
    );
    expect(duration).toBeGreaterThan(1);

    // The render is a project file and shows in the Render view.
    await page.getByRole('link', { name: 'Render', exact: true }).click();
    await page.locator('[data-testid=render-row][data-state=done]').first().waitFor();

    // An edit of the code makes the composition and its render stale; the prompt stays done.
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    await page.getByRole('button', { name: 'Main.tsx', exact: true }).click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n// tweak\n');
    await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
    await page.getByRole('link', { name: 'Canvas', exact: true }).click();
    await graphNode(page, 'Composition').and(page.locator('.state-stale, .state-idle')).waitFor();
    await graphNode(page, 'Render').and(page.locator('.state-stale, .state-idle')).waitFor();
    await graphNode(page, 'Enhance').and(page.locator('.state-done')).waitFor();
    expect(errors).toEqual([]);
  });

  it('runs the "music → beat-cut montage" starter on the Beat montage template: beats, three clips, the montage and its export', { timeout: 240_000 }, async () => {
    const { page, errors } = await openApp(context);
    await configureEdge(page);
    await openMontageStarterWithMusic(page, 'Montage starter');
    await page.getByRole('button', { name: 'Run all' }).click();

    const exported = graphNode(page, 'Export');
    await waitForNodeDone(page, 'Export', 200_000);
    expect(await graphNode(page, 'Beat-cut montage').getByTestId('composition-summary').textContent()).toMatch(/^BeatMontage · 1920×1080 · \d+\.\d s$/);
    const seconds = await exported.locator('video').evaluate((v: HTMLVideoElement) =>
      v.readyState >= 1 ? v.duration : new Promise<number>((resolve, reject) => ((v.onloadedmetadata = () => resolve(v.duration)), (v.onerror = () => reject(new Error('the montage does not load'))))),
    );
    // The montage lasts as long as the music.
    const music = Number((await graphNode(page, 'Beat-cut montage').getByTestId('composition-summary').textContent())!.match(/([\d.]+) s$/)![1]);
    expect(Math.abs(seconds - music)).toBeLessThan(0.5);
    expect(errors).toEqual([]);
  });
});
