import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COMFY_WORKFLOW_PRESETS, modelFilesOf } from '../../src/core/comfyui';
import { addCanvasNode, connectNodes, createProjectInUi, graphNode, launchBrowser, openApp, waitForNodeDone } from './browser';
// @ts-expect-error plain .mjs test fake, no types
import { startFakeComfy } from '../fakes/fake-comfyui.mjs';

type Fake = { url: string; counts: { prompts: number; views: number }; hold(): void; release(): void; isRunning(): boolean; kill(): void; close(): Promise<void> };

const MODELS = modelFilesOf(COMFY_WORKFLOW_PRESETS.find((p) => p.mode === 'text_to_video')!.workflow);

let browser: Browser;
let context: BrowserContext;
let fakes: Fake[] = [];
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1500, height: 950 } })));
afterEach(async () => {
  await context?.close();
  await Promise.all(fakes.map((f) => f.close()));
  fakes = [];
});

describe('ComfyUI servers as a provider', () => {
  it('registers two servers, runs text→video from the canvas, fails over when one dies mid-job, resumes after a reload and fetches the output once', async () => {
    const gpuA = (await startFakeComfy({ name: 'gpu-a', models: MODELS, stepMs: 2 })) as Fake;
    const gpuB = (await startFakeComfy({ name: 'gpu-b', models: MODELS, stepMs: 2, gpu: 'NVIDIA RTX A6000', vramGb: 48 })) as Fake;
    fakes = [gpuA, gpuB];
    gpuA.hold();
    gpuB.hold();
    const { page, errors } = await openApp(context);

    await page.getByRole('link', { name: 'Settings' }).click();
    const compute = page.getByRole('region', { name: 'Compute' });
    // Bad input: one sentence, nothing registered.
    await compute.getByLabel('Server URL').fill('ftp://gpu');
    await compute.getByRole('button', { name: 'Add server' }).click();
    await page.getByText('A ComfyUI server is reached over http or https, not ftp.').waitFor();
    for (const [fake, name] of [[gpuA, 'GPU A'], [gpuB, 'GPU B']] as const) {
      await compute.getByLabel('Server URL').fill(fake.url);
      await compute.getByLabel('Name (optional)').fill(name);
      await compute.getByRole('button', { name: 'Add server' }).click();
    }
    await expect.poll(() => compute.getByTestId('comfy-server-state').allTextContents()).toEqual(['queue 0', 'queue 0']);
    await compute.getByText('NVIDIA RTX A6000 · 38.4 GB free of 48.0 GB').waitFor();
    await page.getByRole('link', { name: '← Projects' }).click();

    await createProjectInUi(page, 'Own GPU');
    await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();
    await addCanvasNode(page, 'prompt', { x: 250, y: 250 });
    await page.getByRole('complementary', { name: 'Node settings' }).getByLabel('Text', { exact: true }).fill('A red fox runs through fresh snow');
    await addCanvasNode(page, 'comfyui', { x: 600, y: 250 });
    await connectNodes(page, 'Prompt', 'text', 'ComfyUI', 'prompt');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Run all' }).click();

    // Both queues are empty: the first registered server takes it; it dies mid-job.
    await expect.poll(() => gpuA.isRunning(), { timeout: 20_000 }).toBe(true);
    gpuA.kill();
    // The retry goes to the other server; reload while it runs there.
    await expect.poll(() => gpuB.isRunning(), { timeout: 20_000 }).toBe(true);
    await page.reload();
    await graphNode(page, 'ComfyUI').waitFor();
    gpuB.release();
    await waitForNodeDone(page, 'ComfyUI', 30_000);
    expect(await graphNode(page, 'ComfyUI').locator('video').count()).toBe(1);
    expect([gpuA.counts.prompts, gpuB.counts.prompts, gpuB.counts.views]).toEqual([1, 1, 1]);
    expect(errors).toEqual([]);
  });
});
