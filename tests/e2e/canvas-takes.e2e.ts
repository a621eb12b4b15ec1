import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { addCanvasNode, configureEdge, connectNodes, createProjectInUi, graphNode, launchBrowser, openApp } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1500, height: 950 } })));
afterEach(() => context?.close());

const veoStarts = async (prompt: string) =>
  (((await (await fetch(`${inject('fakesUrl')}/__fake/counts`)).json()) as { veoStartsByPrompt: Record<string, number> }).veoStartsByPrompt[prompt] ?? 0);

describe('canvas takes and what nodes show', () => {
  it('keeps every take of a node, makes a new one with a fresh seed, compares two and brings the first back without generating', { timeout: 120_000 }, async () => {
    const { page, errors } = await openApp(context);
    await configureEdge(page);
    await createProjectInUi(page, 'Takes');
    await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();
    const inspector = page.getByRole('complementary', { name: 'Node settings' });
    const prompt = 'A paper boat on a rain puddle';
    await addCanvasNode(page, 'prompt', { x: 250, y: 250 });
    await inspector.getByLabel('Text', { exact: true }).fill(prompt);
    await addCanvasNode(page, 'veo', { x: 600, y: 250 });
    await connectNodes(page, 'Prompt', 'text', 'Veo video', 'prompt');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Run all' }).click();
    const veo = graphNode(page, 'Veo video');
    await veo.and(page.locator('.state-done')).waitFor({ timeout: 30_000 });

    await veo.locator('.graph-node-title').click();
    const takes = inspector.getByRole('region', { name: 'Takes' });
    await takes.getByText('Takes (1)').waitFor();
    expect(await takes.getByTestId('take').getAttribute('data-current')).toBe('true');

    await takes.getByRole('button', { name: 'New take' }).click();
    await takes.getByText('Takes (2)').waitFor({ timeout: 30_000 });
    await veo.and(page.locator('.state-done')).waitFor({ timeout: 30_000 });
    expect(await veoStarts(prompt)).toBe(2);
    // Newest first: take 2 is current, take 1 differs from the current params in its seed.
    const rows = takes.getByTestId('take');
    expect(await rows.nth(0).getAttribute('data-current')).toBe('true');
    expect(await rows.nth(1).textContent()).toMatch(/Take 1.*differs in seed/s);

    await takes.getByLabel('Compare take 1').check();
    await takes.getByLabel('Compare take 2').check();
    await takes.getByRole('button', { name: 'Compare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare takes' });
    expect(await dialog.getByTestId('compare-column').count()).toBe(2);
    expect(await dialog.getByTestId('compare-column').nth(0).locator('dt').allTextContents()).toEqual(['seed']);
    expect(await dialog.locator('video').count()).toBe(2);
    await dialog.getByRole('button', { name: 'Use take 1' }).click();

    await page.getByRole('status').filter({ hasText: 'Take 1 is current again.' }).waitFor();
    await expect.poll(() => rows.nth(1).getAttribute('data-current')).toBe('true');
    await veo.and(page.locator('.state-done')).waitFor();
    expect(await veoStarts(prompt)).toBe(2); // brought back from the gallery, not generated again
    // Ctrl+Z undoes the pick like any other edit: take 2 is current again.
    await page.keyboard.press('Control+z');
    await expect.poll(() => rows.nth(0).getAttribute('data-current')).toBe('true');
    expect(errors).toEqual([]);
  });

  it('draws face boxes over the analysed image and waveforms with beat ticks on audio and beats nodes', { timeout: 120_000 }, async () => {
    const { page, errors } = await openApp(context);
    await createProjectInUi(page, 'Node media');
    await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();
    const inspector = page.getByRole('complementary', { name: 'Node settings' });
    await addCanvasNode(page, 'image', { x: 200, y: 200 });
    await inspector.getByLabel('Choose image file').setInputFiles('tests/vision/fixtures/group-kit-rose.jpg');
    await graphNode(page, 'Image').locator('img.node-thumb').waitFor();
    await addCanvasNode(page, 'face analysis', { x: 520, y: 200 });
    await connectNodes(page, 'Image', 'image', 'Face analysis', 'image');
    await addCanvasNode(page, 'audio', { x: 200, y: 560 });
    await inspector.getByLabel('Choose audio file').setInputFiles('tests/media/fixtures/clicks.wav');
    await graphNode(page, 'Audio').getByTestId('waveform').waitFor({ timeout: 30_000 });
    await addCanvasNode(page, 'beats', { x: 520, y: 560 });
    await connectNodes(page, 'Audio', 'audio', 'Beats', 'audio');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Run all' }).click();

    const boxes = graphNode(page, 'Face analysis').getByTestId('face-boxes');
    await boxes.waitFor({ timeout: 60_000 });
    expect(Number(await boxes.getAttribute('data-faces'))).toBe(2);
    expect(await boxes.locator('rect').count()).toBe(2);
    const waveform = graphNode(page, 'Beats').getByTestId('waveform');
    await waveform.waitFor({ timeout: 60_000 });
    expect(Number(await waveform.getAttribute('data-beats'))).toBeGreaterThan(4);
    expect(await graphNode(page, 'Beats').textContent()).toMatch(/\d+ BPM · \d+ beats/);
    // Felt twice as fast: the level setting adds the half-beats without a new analysis by hand.
    const bpmOnNode = async () => Number((await graphNode(page, 'Beats').textContent())?.match(/(\d+) BPM · \d+ beats/)?.[1] ?? 0);
    const detected = await bpmOnNode();
    await graphNode(page, 'Beats').locator('.graph-node-title').click();
    await inspector.getByLabel('Beat level').selectOption('Double time');
    await page.getByRole('button', { name: 'Run selected' }).click();
    await expect.poll(bpmOnNode, { timeout: 30_000 }).toBeGreaterThan(detected * 1.9);
    expect(await bpmOnNode()).toBeLessThan(detected * 2.1);
    expect(errors).toEqual([]);
  });

  it('turns dropped files into Image and Audio nodes where they land, and refuses a file that is not what it claims', { timeout: 60_000 }, async () => {
    const { page, errors } = await openApp(context);
    await createProjectInUi(page, 'Drops');
    await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();
    const drop = async (files: { path: string; name: string; type: string }[], at: { x: number; y: number }) => {
      const fs = await import('node:fs/promises');
      const payload = await Promise.all(files.map(async (f) => ({ name: f.name, type: f.type, data: (await fs.readFile(f.path)).toString('base64') })));
      const transfer = await page.evaluateHandle((items) => {
        const dt = new DataTransfer();
        for (const item of items) dt.items.add(new File([Uint8Array.from(atob(item.data), (c) => c.charCodeAt(0))], item.name, { type: item.type }));
        return dt;
      }, payload);
      await page.locator('.canvas-stage').dispatchEvent('drop', { dataTransfer: transfer, clientX: at.x, clientY: at.y });
    };
    await drop(
      [
        { path: 'tests/vision/fixtures/biden-1.jpg', name: 'biden.jpg', type: 'image/jpeg' },
        { path: 'tests/media/fixtures/clicks.wav', name: 'clicks.wav', type: 'audio/wav' },
      ],
      { x: 300, y: 300 },
    );
    await graphNode(page, 'Image').locator('img.node-thumb').waitFor();
    await graphNode(page, 'Audio').getByTestId('waveform').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('graph-counts').textContent()).toBe('2 nodes · 0 connections');

    // Video bytes named like a picture: refused with the reason, no empty node left behind.
    await drop([{ path: 'tests/media/fixtures/clip.mp4', name: 'holiday.png', type: 'image/png' }], { x: 700, y: 300 });
    await page.getByRole('alert').filter({ hasText: 'Could not use “holiday.png”' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'holiday.png' }).textContent()).toMatch(/content is not a PNG image/);
    expect(await page.getByTestId('graph-counts').textContent()).toBe('2 nodes · 0 connections');
    expect(errors).toEqual([]);
  });
});
