import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { addCanvasNode, waitForNodeDone, configureEdge, connectNodes, createProjectInUi, graphNode, launchBrowser, openApp, storedGraphRow } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1500, height: 950 } })));
afterEach(() => context?.close());

const fake = async (path: string, init?: RequestInit) => (await fetch(`${inject('fakesUrl')}${path}`, init)).json();
const allStarts = async () => ((await fake('/__fake/counts')) as { veoStarts: number }).veoStarts;
const veoStarts = async (prompt: string) => ((await fake('/__fake/counts')) as { veoStartsByPrompt: Record<string, number> }).veoStartsByPrompt[prompt] ?? 0;

/** Prompt → Veo video → Extend, built in the UI. */
async function buildGraph(page: Page, text: string) {
  await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();
  await addCanvasNode(page, 'prompt', { x: 250, y: 250 });
  await page.getByRole('complementary', { name: 'Node settings' }).getByLabel('Text', { exact: true }).fill(text);
  await addCanvasNode(page, 'veo', { x: 560, y: 250 });
  await addCanvasNode(page, 'extend', { x: 900, y: 250 });
  await connectNodes(page, 'Prompt', 'text', 'Veo video', 'prompt');
  await connectNodes(page, 'Veo video', 'video', 'Extend', 'video');
  expect(await page.getByTestId('graph-counts').textContent()).toBe('3 nodes · 2 connections');
  await page.keyboard.press('Escape');
}

describe('running the graph through the edge', () => {
  it('runs Prompt → Veo → Extend, survives a reload mid-generation without starting twice, and shows the videos', async () => {
    const { page, errors } = await openApp(context);
    await configureEdge(page);
    const projectId = await createProjectInUi(page, 'Graph run');
    const prompt = '[fake:polls:5] A lighthouse keeper at dusk';
    await buildGraph(page, prompt);
    // The reload below reads the graph from IndexedDB: wait for the save of the whole built graph.
    await expect
      .poll(async () => {
        const graph = (await storedGraphRow(page, projectId))?.graph;
        return graph && { nodes: graph.nodes.length, edges: graph.edges.length, prompt: graph.nodes.find((n) => n.kind === 'prompt')?.params.text };
      })
      .toEqual({ nodes: 3, edges: 2, prompt });
    const before = await allStarts();
    await page.getByRole('button', { name: 'Run all' }).click();
    await graphNode(page, 'Veo video').and(page.locator('.state-running')).waitFor({ timeout: 20_000 });
    await expect.poll(() => veoStarts(prompt), { timeout: 10_000 }).toBe(1);

    await page.reload(); // mid-operation: the job and its operation id are in IndexedDB
    await graphNode(page, 'Extend').and(page.locator('.state-done')).waitFor({ timeout: 60_000 });
    await graphNode(page, 'Veo video').and(page.locator('.state-done')).waitFor();
    expect(await veoStarts(prompt)).toBe(1); // Veo once: resumed after the reload, not restarted
    expect(await allStarts()).toBe(before + 2); // + Extend once, from Veo's last frame
    expect(await graphNode(page, 'Extend').locator('video').count()).toBe(1);

    // Nothing changed: running again is all cache hits, no new generation. The run marks when it
    // returns; only then is "no new start" a finding rather than "not yet".
    const runsFinished = () => page.evaluate(() => performance.getEntriesByName('director:run-finished').length);
    const finishedBefore = await runsFinished();
    await page.getByRole('button', { name: 'Run all' }).click();
    await expect.poll(runsFinished).toBe(finishedBefore + 1);
    expect(await allStarts()).toBe(before + 2);
    await Promise.all(['Prompt', 'Veo video', 'Extend'].map((title) => graphNode(page, title).and(page.locator('.state-done')).waitFor()));
    expect(errors).toEqual([]);
  });

  it('shows a failed generation on the node and succeeds on retry', async () => {
    const { page } = await openApp(context);
    await configureEdge(page);
    await createProjectInUi(page, 'Graph failure');
    await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();
    await addCanvasNode(page, 'prompt', { x: 250, y: 250 });
    await page.getByRole('complementary', { name: 'Node settings' }).getByLabel('Text', { exact: true }).fill('[fake:fail] A storm over the sea');
    await addCanvasNode(page, 'veo', { x: 600, y: 250 });
    await connectNodes(page, 'Prompt', 'text', 'Veo video', 'prompt');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Run all' }).click();
    const veo = graphNode(page, 'Veo video');
    await veo.and(page.locator('.state-error')).waitFor({ timeout: 30_000 });
    expect(await veo.textContent()).toMatch(/failed due to an internal error/);

    await fake('/__fake/veo-heal', { method: 'POST' });
    await veo.getByRole('button', { name: 'Retry' }).click();
    await veo.and(page.locator('.state-done')).waitFor({ timeout: 30_000 });
    expect(await veo.locator('video').count()).toBe(1);
  });

  it('builds a character from a photo, feeds it to Veo as reference images, and shows an identity badge on the take', { timeout: 150_000 }, async () => {
    const { page, errors } = await openApp(context);
    await configureEdge(page);
    await createProjectInUi(page, 'Character');
    await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();
    const inspector = page.getByRole('complementary', { name: 'Node settings' });

    await addCanvasNode(page, 'image', { x: 200, y: 200 });
    await inspector.getByLabel('Choose image file').setInputFiles('tests/vision/fixtures/biden-1.jpg');
    await graphNode(page, 'Image').locator('img.node-thumb').waitFor();
    await addCanvasNode(page, 'character', { x: 520, y: 200 });
    await addCanvasNode(page, 'prompt', { x: 520, y: 520 });
    await inspector.getByLabel('Text', { exact: true }).fill('The character walks along a beach at sunrise');
    await addCanvasNode(page, 'veo', { x: 880, y: 300 });
    await inspector.getByLabel('Mode', { exact: true }).selectOption('Reference images');
    await connectNodes(page, 'Image', 'image', 'Character', 'photos');
    await connectNodes(page, 'Character', 'character', 'Veo video', 'references');
    await connectNodes(page, 'Prompt', 'text', 'Veo video', 'prompt');
    expect(await page.getByTestId('graph-counts').textContent()).toBe('4 nodes · 3 connections');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Run all' }).click();
    await waitForNodeDone(page, 'Character', 60_000);
    expect(await graphNode(page, 'Character').textContent()).toContain('1 reference(s)');
    const veo = graphNode(page, 'Veo video');
    await veo.and(page.locator('.state-done')).waitFor({ timeout: 60_000 });
    // The fake's clip has no faces: the badge says so rather than inventing a score.
    expect(await veo.locator('.identity-badge').textContent()).toMatch(/^Character: (no face|\d+% identity)$/);
    expect(errors).toEqual([]);
  });
});
