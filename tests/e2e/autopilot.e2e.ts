import { readFileSync } from 'node:fs';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { baseUrl, configureEdge, createProjectInUi, launchBrowser, openApp } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })));
afterEach(() => context?.close());

const fakes = (path: string, body?: unknown) => fetch(`${inject('fakesUrl')}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());

/** The fake Gemini's next answers: one malformed (retried once by Auto-pilot), then a real script. */
const SCRIPT = {
  title: 'Night owls',
  hook: 'Owls see in the dark.',
  scenes: [
    { narration: 'Owls hunt at night.', onScreenText: 'Night hunters', visualDescription: 'An owl on a branch under the moon', durationS: 2 },
    { narration: 'Their ears find every mouse.', onScreenText: 'Sharp ears', visualDescription: 'Close-up of an owl face', durationS: 2 },
  ],
};

const statusOf = (page: Page, step: string) => page.locator(`[data-step=${step}]`).getAttribute('data-status');

/** Waits for a step to be done; a failed step (or a timeout) fails at once with what the step list says. */
async function waitForStep(page: Page, step: string, timeout: number) {
  const done = page.locator(`[data-step=${step}][data-status=done]`);
  const failed = page.locator('[data-status=failed]');
  await Promise.race([done.waitFor({ timeout }), failed.waitFor({ timeout })]).catch(() => undefined);
  if (!(await done.count())) throw new Error(`Auto-pilot did not finish “${step}”: ${await page.getByTestId('autopilot-view').innerText().catch(() => '(no view)')}`);
}

describe('Auto-pilot', () => {
  it('goes from a topic to an MP4 through the edge, stops on a failure and resumes after the fix and after a reload', async () => {
    await fakes('/__fake/gemini-script', { turns: [[{ text: 'Sure! Here is your script.' }], [{ text: JSON.stringify(SCRIPT) }]] });
    const before = (await fakes('/__fake/counts')).gemini?.generateContent ?? 0;
    const { page, errors } = await openApp(context);
    await configureEdge(page);
    const projectId = await createProjectInUi(page, 'Owls');
    await page.getByRole('link', { name: 'Auto-pilot', exact: true }).click();

    // Bad input: one sentence, nothing started.
    await page.getByTestId('autopilot-go').click();
    await page.getByText('Write a topic first: what is the video about?').waitFor();

    await page.getByLabel('Topic').fill('Why owls hunt at night');
    await page.getByTestId('autopilot-go').click();
    // The edge does not offer the default agent model: the run stops at the script with the reason.
    await page.locator('[data-step=script][data-status=failed]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-step=script]').textContent()).toMatch(/is not enabled on this edge/);
    expect(await statusOf(page, 'scenes')).toBe('pending');

    // The fix (a model the edge has), then "Try again from here".
    await page.goto(`${baseUrl()}/`);
    await configureEdge(page, { agent: 'gemini-2.5-flash' });
    await page.goto(`${baseUrl()}/projects/${projectId}/autopilot`);
    await page.getByTestId('autopilot-resume').click();
    // The failed step starts again first; only then can a failure be a new one.
    await page.locator('[data-step=script]:not([data-status=failed])').waitFor({ timeout: 10_000 });
    await waitForStep(page, 'voiceover', 30_000);
    // The script came from the model after one retry: two calls, none after.
    expect((await fakes('/__fake/counts')).gemini.generateContent - before).toBe(2);
    await expect.poll(() => page.locator('[data-step=script]').textContent()).toContain('“Night owls”: 2 scenes');

    // A reload mid-way: what is done stays done, the rest continues by itself.
    await page.reload();
    await page.getByTestId('autopilot-steps').waitFor();
    for (const step of ['script', 'scenes', 'visuals', 'voiceover']) expect(await statusOf(page, step)).toBe('done');
    await waitForStep(page, 'render', 45_000);
    expect((await fakes('/__fake/counts')).gemini.generateContent - before).toBe(2);
    expect(await page.locator('[data-step=subtitles]').textContent()).toMatch(/\d+ subtitle cues/);

    // The result is a normal project: its storyboard holds the scenes with their narration.
    const board = await page.evaluate(
      (id) =>
        new Promise<any>((resolve) => {
          const open = indexedDB.open('director');
          open.onsuccess = () => {
            const req = open.result.transaction('storyboards').objectStore('storyboards').index('projectId').get(id);
            req.onsuccess = () => resolve(req.result.board);
          };
        }),
      projectId,
    );
    expect(board.scenes.map((s: { narration: string }) => s.narration)).toEqual(['Owls hunt at night.', 'Their ears find every mouse.']);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download MP4' }).click();
    const input = new Input({ source: new BufferSource(readFileSync((await (await download).path())!)), formats: ALL_FORMATS });
    expect(await input.getPrimaryVideoTrack()).toBeTruthy();
    expect(await input.getPrimaryAudioTrack()).toBeTruthy();
    expect(await input.computeDuration()).toBeGreaterThan(2.5);

    // The voice is chosen from the offline engine's own list, not typed.
    await page.locator('.autopilot-settings summary').click();
    const voiceName = page.getByTestId('autopilot-voice-name');
    await expect.poll(() => voiceName.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(20);
    expect(await voiceName.inputValue()).toBe('en-us');
    expect(await voiceName.locator('option:checked').textContent()).toMatch(/\(en-us\)$/);
    expect(errors).toEqual([]);
  });
});
