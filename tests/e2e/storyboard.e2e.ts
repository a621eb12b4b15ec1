import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { configureEdge, createProjectInUi, launchBrowser, openApp } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })));
afterEach(() => context?.close());

const fake = async (path: string) => (await fetch(`${inject('fakesUrl')}${path}`)).json();
const veoStarts = async () => ((await fake('/__fake/counts')) as { veoStarts: number }).veoStarts;

/** A mono 16-bit WAV: a short click on every beat at `bpm` over a quiet tone, `seconds` long. */
function clickTrack(path: string, seconds: number, bpm: number) {
  const rate = 22_050;
  const n = Math.round(seconds * rate);
  const data = Buffer.alloc(n * 2);
  const beat = (60 / bpm) * rate;
  for (let i = 0; i < n; i++) {
    const sinceBeat = i % beat;
    const click = sinceBeat < 400 ? Math.sin(i * 0.9) * (1 - sinceBeat / 400) : 0;
    data.writeInt16LE(Math.round((click * 0.8 + Math.sin((i * 2 * Math.PI * 220) / rate) * 0.05) * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  writeFileSync(path, Buffer.concat([header, data]));
}

const cards = (page: Page) => page.getByTestId('clip-card');
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Clip settings' });

async function addClip(page: Page, scene: string, prompt: string) {
  await page.getByRole('region', { name: scene }).getByRole('button', { name: '+ Clip' }).click();
  await inspector(page).getByLabel('Prompt', { exact: true }).fill(prompt);
}

/** The storyboard row as stored (what a reload reads). */
function storedBoard(page: Page, projectId: string) {
  return page.evaluate(
    (id) =>
      new Promise<any>((resolve, reject) => {
        const open = indexedDB.open('director');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('storyboards').objectStore('storyboards').getAll();
          req.onsuccess = () => resolve(req.result.find((r: { projectId: string }) => r.projectId === id)?.board);
          req.onerror = () => reject(req.error);
        };
      }),
    projectId,
  );
}

describe('the Storyboard', () => {
  it('plans 2 scenes and 5 clips with a character and a style, batch-generates across a reload (paused, then resumed) with one start per clip, picks a take, fits to music, plays and exports the cut', { timeout: 240_000 }, async () => {
    const { page, errors } = await openApp(context);
    await configureEdge(page);
    const projectId = await createProjectInUi(page, 'Harbour story');
    await page.getByRole('link', { name: 'Storyboard', exact: true }).click();
    await page.getByRole('button', { name: 'Add the first clip' }).click();
    await inspector(page).getByLabel('Prompt', { exact: true }).fill('[fake:polls:6] A harbour at dawn, boats rocking');
    await page.getByRole('textbox', { name: 'Scene title' }).first().fill('Arrival');
    await page.getByRole('textbox', { name: 'Scene title' }).first().press('Enter');
    await addClip(page, 'Arrival', '[fake:polls:6] Gulls over the water');
    await addClip(page, 'Arrival', '[fake:polls:6] Mara walks along the pier');

    // The cast: a character with a reference photo, and a style.
    await page.getByRole('tab', { name: 'Cast & budget' }).click();
    await page.getByRole('button', { name: '+ Character' }).click();
    await page.getByLabel('Character name').fill('Mara');
    await page.getByLabel('Add a photo of Mara').setInputFiles('tests/vision/fixtures/biden-1.jpg');
    await page.getByTestId('character').locator('img').waitFor();
    await page.getByRole('button', { name: '+ Style' }).click();
    await page.getByLabel('Style prefix').fill('Cinematic 35mm film.');

    // Clip 3 has Mara in it and the style.
    await page.getByRole('option', { name: 'Arrival · clip 3' }).click();
    await inspector(page).getByRole('checkbox', { name: 'Mara' }).check();
    await inspector(page).getByLabel('Style').selectOption({ label: 'Style 1' });
    expect(await inspector(page).getByTestId('composed-prompt').textContent()).toBe('Cinematic 35mm film. Medium shot. [fake:polls:6] Mara walks along the pier');
    await inspector(page).getByText('reference images need 8 s').waitFor();

    await page.getByRole('toolbar', { name: 'Storyboard' }).getByRole('button', { name: '+ Scene' }).click();
    await page.getByRole('textbox', { name: 'Scene title' }).nth(1).fill('Departure');
    await page.getByRole('textbox', { name: 'Scene title' }).nth(1).press('Enter');
    await addClip(page, 'Departure', '[fake:polls:6] The ferry leaves at dusk');
    await addClip(page, 'Departure', '[fake:polls:6] Lights of the town fade');
    expect(await cards(page).count()).toBe(5);

    // Reorder by keyboard: the last clip moves before the one before it, and undo puts it back.
    await page.getByRole('option', { name: 'Departure · clip 2' }).click();
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => page.getByRole('region', { name: 'Departure' }).getByTestId('clip-card').first().textContent()).toContain('Lights of the town');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByRole('region', { name: 'Departure' }).getByTestId('clip-card').first().textContent()).toContain('The ferry leaves');

    // Batch: an estimate first, then one start per clip — also across a reload in the middle.
    const before = await veoStarts();
    await page.getByRole('button', { name: /Generate all without a take \(5\)/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate clips' });
    expect(await dialog.textContent()).toMatch(/Generate 5 clips\?.*40 s of video, about \$16\.00/);
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await page.getByTestId('batch-line').filter({ hasText: /of 5 clips/ }).waitFor();
    // Veo runs two at a time: reload while the first two generate and three wait in the queue.
    await expect.poll(veoStarts, { timeout: 30_000 }).toBeGreaterThanOrEqual(before + 2);
    expect(await veoStarts()).toBeLessThan(before + 5);
    await expect.poll(async () => (await storedBoard(page, projectId))?.scenes?.length).toBe(2);
    // Pause all holds the waiting clips, also across the reload; the running ones finish.
    await page.getByTestId('queue-panel').getByRole('button', { name: 'Pause all' }).click();
    const started = (await veoStarts()) - before;
    // The pause is stored before the reload (the write is not instant).
    await expect.poll(() => page.evaluate((key) => new Promise((resolve) => {
      const open = indexedDB.open('director');
      open.onsuccess = () => {
        const get = open.result.transaction('settings').objectStore('settings').get(key);
        get.onsuccess = () => (resolve(get.result?.value ?? null), open.result.close());
      };
    }), `queue-paused:${projectId}`)).toBe(true);
    await page.reload();
    const takes = async () => (await page.getByTestId('clip-status').allTextContents()).filter((t) => t === '1 take').length;
    await expect.poll(takes, { timeout: 90_000 }).toBe(started);
    await page.getByTestId('queue-panel').getByText('Paused: waiting jobs start when you resume.').waitFor();
    expect(await page.getByTestId('queue-panel').locator('li[data-state=queued]').count()).toBe(5 - started);
    expect(await veoStarts()).toBe(before + started);
    await page.getByTestId('queue-panel').getByRole('button', { name: 'Resume all' }).click();
    // Polled as the five statuses, so a failure says what each clip shows instead of a count.
    await expect.poll(() => page.getByTestId('clip-status').allTextContents(), { timeout: 90_000 }).toEqual(Array(5).fill('1 take'));
    expect(await veoStarts()).toBe(before + 5);
    // The clip with Mara in it says how well her face held across the take.
    expect(await page.getByRole('option', { name: 'Arrival · clip 3' }).getByTestId('identity-badge').textContent()).toMatch(/^Mara: (no face|\d+% identity)$/);
    // A second batch has nothing left to make.
    expect(await page.getByRole('button', { name: /Generate all without a take/ }).isDisabled()).toBe(true);

    // A second take of clip 1, then back to the first one for the cut.
    await page.getByRole('option', { name: 'Arrival · clip 1' }).click();
    await inspector(page).getByRole('button', { name: 'New take' }).click();
    await inspector(page).getByTestId('take').nth(1).waitFor({ timeout: 60_000 });
    expect(await veoStarts()).toBe(before + 6);
    await inspector(page).locator('[data-testid=take][data-current=true]').filter({ hasText: 'Take 2' }).waitFor();
    await inspector(page).getByTestId('take').filter({ hasText: 'Take 1' }).getByRole('button', { name: 'Use this take' }).click();
    await inspector(page).locator('[data-testid=take][data-current=true]').filter({ hasText: 'Take 1' }).waitFor();

    // The history lists the six generations and what they cost at list prices (6 × 8 s of Veo 3.1).
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByTestId('cost-summary').filter({ hasText: '$19.20 for 6 generations (48 s of video)' }).waitFor();
    expect(await page.getByTestId('history-row').count()).toBe(6);
    await page.getByRole('option', { name: 'Arrival · clip 3' }).click();

    // Music: 6 s at 120 BPM; fitting puts the four inner cuts on beats and ends with the music.
    mkdirSync('test-results', { recursive: true });
    clickTrack('test-results/storyboard-music.wav', 6, 120);
    await page.getByLabel('Music file').setInputFiles('test-results/storyboard-music.wav');
    await page.getByTestId('timeline-strip').getByTestId('waveform').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Fit to music' }).click();
    await page.getByText(/Fitted 5 clips to 6\.0 s of music: 4 of 4 cuts on the beat/).waitFor();
    await expect.poll(async () => {
      const clips = ((await storedBoard(page, projectId))?.scenes ?? []).flatMap((s: any) => s.clips);
      const total = clips.reduce((n: number, c: any) => n + c.cutSeconds, 0);
      const cuts = clips.slice(0, -1).map((_: unknown, i: number) => clips.slice(0, i + 1).reduce((n: number, c: any) => n + c.cutSeconds, 0));
      return Math.abs(total - 6) < 0.01 && cuts.every((t: number) => Math.abs(t * 2 - Math.round(t * 2)) < 0.06);
    }).toBe(true);

    // Pictures for a person to look at (test-results/screens), the board at two widths.
    mkdirSync('test-results/screens', { recursive: true });
    await page.getByRole('option', { name: 'Arrival · clip 3' }).click();
    for (const width of [1280, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `test-results/screens/storyboard-${width}.png` });
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    // Play: the cut is the project's "Storyboard" composition, built and shown in the player.
    await page.getByRole('button', { name: '▶ Play' }).click();
    await page.getByTestId('cut-player').getByTestId('frame-counter').filter({ hasText: /\/ 179\b/ }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: 'test-results/screens/storyboard-playing-1440.png' });
    // The timeline's playhead follows the player; a click on clip 3 plays from where it starts.
    const player = page.getByTestId('cut-player');
    if (await player.getByRole('button', { name: 'Pause' }).isVisible()) await player.getByRole('button', { name: 'Pause' }).click();
    const playhead = async () => Number(await page.getByTestId('timeline-playhead').getAttribute('data-seconds'));
    await page.getByTestId('timeline-playhead').waitFor();
    const fitted = ((await storedBoard(page, projectId))?.scenes ?? []).flatMap((s: any) => s.clips).map((c: any) => c.cutSeconds as number);
    await page.getByTestId('timeline-strip').locator('.timeline-clip').nth(2).click();
    await expect.poll(playhead).toBeCloseTo(fitted[0]! + fitted[1]!, 1);
    await expect.poll(() => page.getByTestId('timeline-strip').locator('.timeline-clip.playing').count()).toBe(1);
    expect(await page.getByTestId('timeline-strip').locator('.timeline-clip').nth(2).getAttribute('class')).toContain('playing');
    expect(await player.getByTestId('frame-counter').textContent()).toMatch(new RegExp(`^${Math.round((fitted[0]! + fitted[1]!) * 30)} / 179`));
    await page.getByTestId('timeline-strip').screenshot({ path: 'test-results/screens/storyboard-timeline-playhead.png' });
    await page.getByRole('button', { name: 'Close player' }).click();

    // Export: the Render view opens on the cut; the MP4 lasts 6 s and carries the music.
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.waitForURL(/\/render$/);
    await page.getByRole('button', { name: 'Export in browser' }).click();
    const row = page.locator('[data-testid=render-row][data-state=done]').first();
    await row.waitFor({ timeout: 150_000 });
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Download' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Storyboard-.*\.mp4$/);
    const input = new Input({ source: new BufferSource(readFileSync((await file.path())!)), formats: ALL_FORMATS });
    expect(await input.computeDuration()).toBeCloseTo(6, 0);
    expect(await input.getPrimaryAudioTrack()).toBeTruthy();
    expect((await (await input.getPrimaryVideoTrack())!.computePacketStats()).packetCount).toBe(180);

    // Timeline interchange: the cut as FCPXML in a zip with its media, imported into a new project.
    await page.getByRole('link', { name: 'Storyboard', exact: true }).click();
    await page.getByRole('button', { name: 'Timeline…' }).click();
    await page.getByRole('dialog', { name: 'Timeline' }).getByLabel('Timeline format').selectOption('fcpxml');
    const zipDownload = page.waitForEvent('download');
    await page.getByRole('dialog', { name: 'Timeline' }).getByRole('button', { name: 'Export' }).click();
    const zip = await zipDownload;
    expect(zip.suggestedFilename()).toMatch(/\.zip$/);
    const zipPath = `test-results/${zip.suggestedFilename()}`;
    await zip.saveAs(zipPath);
    const exportedOrder = await page.getByTestId('clip-card').evaluateAll((els) => els.map((e) => e.querySelector('.clip-length')!.textContent));

    await page.getByRole('link', { name: 'All projects' }).click();
    await createProjectInUi(page, 'Harbour story, re-imported');
    await page.getByRole('link', { name: 'Storyboard', exact: true }).click();
    // Dropped on the board, as a person would from the Finder.
    await page.getByTestId('storyboard-empty').waitFor();
    await page.locator('.storyboard-view').evaluate((el, { base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: 'application/zip' }));
      el.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, { base64: readFileSync(zipPath).toString('base64'), name: zip.suggestedFilename() });
    await page.getByText(/^Imported 5 clips from/).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('scene-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(['Arrival', 'Departure']);
    expect(await page.getByTestId('clip-card').evaluateAll((els) => els.map((e) => e.querySelector('.clip-length')!.textContent))).toEqual(exportedOrder);
    expect(await page.getByTestId('clip-status').allTextContents()).toEqual(Array(5).fill('Footage'));
    expect(errors).toEqual([]);
  });

  it('says what is wrong: a clip without a prompt, a photo with no face, a batch over the spending cap, a prompt the provider refuses', { timeout: 150_000 }, async () => {
    const { page, errors } = await openApp(context);
    await configureEdge(page);
    await createProjectInUi(page, 'Refusals');
    await page.getByRole('link', { name: 'Storyboard', exact: true }).click();
    await page.getByRole('button', { name: 'Add the first clip' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('option', { name: 'Scene 1 · clip 1' }).click();
    await page.keyboard.press('g');
    await page.getByText('This clip has no prompt: describe the shot first.').waitFor();

    await inspector(page).getByLabel('Prompt', { exact: true }).fill('[fake:rai] A famous person on a red carpet');
    // A spending cap below the estimate stops the batch before anything starts.
    await page.getByRole('tab', { name: 'Cast & budget' }).click();
    // A reference photo without a face is refused at once, with the photo's name.
    await page.getByRole('button', { name: '+ Character' }).click();
    await page.getByLabel('Add a photo of Character 1').setInputFiles('tests/vision/fixtures/no-face-cat.jpg');
    await expect.poll(() => page.getByTestId('character').textContent(), { timeout: 60_000 }).toMatch(/Photo 1 \(uploads\/no-face-cat\.jpg\) shows no usable face/);
    await page.getByTestId('character-status').filter({ hasText: /Photo 1 \(uploads\/no-face-cat\.jpg\) shows no usable face; a reference photo needs exactly one\./ }).waitFor({ timeout: 60_000 });
    await page.getByLabel('Spending cap in dollars').fill('1');
    await page.getByLabel('Spending cap in dollars').press('Enter');
    await page.getByRole('option', { name: 'Scene 1 · clip 1' }).click();
    await inspector(page).getByRole('button', { name: 'Generate', exact: true }).click();
    await page.getByText("This batch costs about $3.20, over this project's cap of $1.00: raise the cap or generate fewer clips.").waitFor();
    await page.getByRole('tab', { name: 'Cast & budget' }).click();
    await page.getByLabel('Spending cap in dollars').fill('');
    await page.getByLabel('Spending cap in dollars').press('Enter');
    await page.getByRole('option', { name: 'Scene 1 · clip 1' }).click();
    await inspector(page).getByRole('button', { name: 'Generate', exact: true }).click();
    await page.getByRole('dialog', { name: 'Generate clips' }).getByRole('button', { name: 'Generate' }).click();
    await cards(page).first().and(page.locator('.state-error')).waitFor({ timeout: 60_000 });
    expect(await cards(page).first().getByTestId('clip-status').textContent()).toMatch(/filtered the video for safety/);
    expect(errors).toEqual([]);
  });

  it('two tabs see each other’s edits and lose none', async () => {
    const { page: a } = await openApp(context);
    const projectId = await createProjectInUi(a, 'Two tabs');
    await a.getByRole('link', { name: 'Storyboard', exact: true }).click();
    await a.getByRole('button', { name: 'Add the first clip' }).click();
    await inspector(a).getByLabel('Prompt', { exact: true }).fill('From tab A');
    const { page: b } = await openApp(context, `/projects/${projectId}/storyboard`);
    await b.getByTestId('clip-card').filter({ hasText: 'From tab A' }).waitFor();
    await b.getByRole('region', { name: 'Scene 1' }).getByRole('button', { name: '+ Clip' }).click();
    await inspector(b).getByLabel('Prompt', { exact: true }).fill('From tab B');
    await a.getByTestId('clip-card').filter({ hasText: 'From tab B' }).waitFor();
    expect(await a.getByTestId('clip-card').allTextContents()).toEqual([expect.stringContaining('From tab A'), expect.stringContaining('From tab B')]);
    await a.reload();
    await expect.poll(() => a.getByTestId('clip-card').count()).toBe(2);
  });
});
