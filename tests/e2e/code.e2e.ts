import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, createProjectInUi, launchBrowser, openApp, previewColours, waitForBuilt } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1400, height: 900 } })));
afterEach(() => context?.close());

async function openCodeView(page: Page, template: 'Basic' | 'Product showcase' | 'Explainer' | 'Beat montage') {
  await createProjectInUi(page, `${template} test`);
  await page.getByRole('link', { name: 'Code', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${template}`) }).click();
  await waitForBuild(page);
}

const waitForBuild = (page: Page) => waitForBuilt(page);

async function seek(page: Page, frame: number) {
  await page.getByLabel('Frame', { exact: true }).evaluate((el: HTMLInputElement, f) => {
    el.value = String(f);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, frame);
  await page.getByTestId('frame-counter').filter({ hasText: new RegExp(`^${frame} /`) }).waitFor();
}


async function replaceEditorText(page: Page, text: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);
}

describe('Remotion engine in the browser', () => {
  it.each(['Basic', 'Product showcase', 'Explainer', 'Beat montage'] as const)('the %s template builds and previews a non-blank frame', async (template) => {
    const { page, errors } = await openApp(context);
    await openCodeView(page, template);
    const duration = Number((await page.getByTestId('frame-counter').textContent())!.match(/\/ (\d+)/)![1]);
    expect(duration).toBeGreaterThan(60);
    await seek(page, Math.round(duration / 2));
    await expect.poll(() => previewColours(page), { timeout: 10_000 }).toBeGreaterThan(20);
    expect(await page.getByTestId('problems').locator('li').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('rebuilds on edit, shows a syntax error in the gutter and the problems list, and keeps the last good preview', async () => {
    const { page } = await openApp(context);
    await openCodeView(page, 'Basic');
    await page.getByRole('button', { name: 'MessageScene.tsx' }).click();
    await seek(page, 100);
    const before = await page.locator('.preview-frame').screenshot();

    const source = await page.locator('.cm-content').innerText();
    await replaceEditorText(page, source.replace("color: i === words.length - 1 ? accent : 'white'", "color: 'lime', fontSize: 200"));
    await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
    await waitForBuild(page);
    // The rebuilt bundle paints the edited frame once the player has loaded it.
    await expect.poll(async () => (await page.locator('.preview-frame').screenshot()).equals(before), { timeout: 10_000 }).toBe(false);

    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\nexport const Broken = () => <div>;\n');
    const problem = page.getByTestId('problems').locator('li.error').first();
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/^src\/scenes\/MessageScene\.tsx:\d+:\d+ /);
    await page.locator('.cm-lint-marker-error').first().waitFor();
    expect(await page.getByRole('button', { name: /MessageScene\.tsx1/ }).count()).toBe(1); // error badge in the tree
    // The last good preview is still there and still plays.
    await expect.poll(() => previewColours(page), { timeout: 10_000 }).toBeGreaterThan(20);
    await page.reload(); // the broken edit was saved too: nothing typed is lost
    await page.getByTestId('problems').locator('li.error').first().waitFor({ timeout: 30_000 });
  });

  it('keeps playing across a rebuild, and a paused preview stays paused', async () => {
    const { page, errors } = await openApp(context);
    await openCodeView(page, 'Basic');
    await page.getByRole('button', { name: 'MessageScene.tsx' }).click();
    const shown = async () => Number((await page.getByTestId('frame-counter').textContent())!.split(' / ')[0]);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();

    // A code change remounts the player with the new bundle: it goes on playing.
    const source = await page.locator('.cm-content').innerText();
    await replaceEditorText(page, source.replace("color: i === words.length - 1 ? accent : 'white'", "color: 'lime'"));
    await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
    await waitForBuild(page);
    const afterRebuild = await shown();
    await expect.poll(shown, { timeout: 15_000 }).toBeGreaterThan(afterRebuild + 10);
    expect(await page.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Play' }).waitFor();
    const stage = page.locator('.preview-stage');
    const showsBefore = Number(await stage.getAttribute('data-shows'));
    const paused = await shown();
    await replaceEditorText(page, source.replace("color: i === words.length - 1 ? accent : 'white'", "color: 'orange'"));
    await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
    await waitForBuild(page);
    // The new bundle is on the page; ten paints later (five frames of a 30 fps video) the counter has not moved.
    await expect.poll(async () => Number(await stage.getAttribute('data-shows'))).toBeGreaterThan(showsBefore);
    await page.evaluate(async () => {
      for (let i = 0; i < 10; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(await shown()).toBe(paused);
    expect(await page.getByRole('button', { name: 'Play' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('reports a runtime error with its component stack without crashing the app', async () => {
    const { page, errors } = await openApp(context);
    await openCodeView(page, 'Basic');
    await page.getByRole('button', { name: 'OutroScene.tsx' }).click();
    await replaceEditorText(
      page,
      "export const OutroScene: React.FC<{accent: string}> = () => {\n  throw new Error('Outro exploded');\n};\n",
    );
    await waitForBuild(page);
    await seek(page, 170);
    const runtime = page.getByTestId('runtime-error');
    await runtime.waitFor({ timeout: 15_000 });
    expect(await runtime.textContent()).toMatch(/Outro exploded/);
    expect(await runtime.textContent()).toMatch(/OutroScene/);
    expect(await page.getByRole('link', { name: 'Code', exact: true }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('runs hostile composition code in a sandbox that cannot reach the app', async () => {
    const { page } = await openApp(context);
    await openCodeView(page, 'Basic');
    // Any navigation of the app's own page from here on (the sandbox's top navigation attempt) is recorded.
    const appNavigations: string[] = [];
    page.on('request', (r) => r.isNavigationRequest() && r.frame() === page.mainFrame() && appNavigations.push(r.url()));
    await page.evaluate(() => {
      localStorage.setItem('director.secret', 'app-secret');
      document.cookie = 'session=app-cookie';
    });
    const appUrl = page.url();
    await page.getByRole('button', { name: 'Main.tsx' }).click();
    await replaceEditorText(
      page,
      `import {AbsoluteFill} from 'remotion';
import {useEffect, useState} from 'react';
import {z} from 'zod';
export const mainSchema = z.object({});
export const mainDuration = () => 90;
const attempt = async (name: string, fn: () => unknown) => {
  try { const v = await fn(); return name + ': ALLOWED ' + String(v).slice(0, 40); } catch { return name + ': blocked'; }
};
export const Main = () => {
  const [lines, setLines] = useState<string[]>([]);
  useEffect(() => {
    (async () => setLines([
      await attempt('indexedDB', () => new Promise((resolve, reject) => { const o = indexedDB.open('director'); o.onsuccess = () => resolve([...o.result.objectStoreNames].join()); o.onerror = () => reject(o.error); })),
      await attempt('localStorage', () => localStorage.getItem('director.secret')),
      await attempt('cookie', () => document.cookie || Promise.reject(new Error('empty'))),
      await attempt('parentDom', () => window.parent.document.title),
      await attempt('parentStorage', () => (window.parent as Window).localStorage.getItem('director.secret')),
      await attempt('topNavigation', () => { window.top!.location.href = 'https://example.com/'; return 'navigated'; }),
    ]))();
  }, []);
  return <AbsoluteFill style={{backgroundColor: 'white', padding: 40}}><pre id="hostile" style={{fontSize: 28}}>{lines.join('\\n')}</pre></AbsoluteFill>;
};
`,
    );
    await waitForBuild(page);
    const report = page.frameLocator('.preview-frame').locator('#hostile');
    await report.filter({ hasText: 'topNavigation' }).waitFor({ timeout: 15_000 });
    const text = (await report.textContent())!;
    for (const name of ['indexedDB', 'cookie', 'parentDom', 'parentStorage', 'topNavigation']) expect(text).toContain(`${name}: blocked`);
    // The sandbox has a private, empty in-memory localStorage (libraries expect one): never the app's.
    expect(text).toMatch(/localStorage: (blocked|ALLOWED null)/);
    expect(text).not.toContain('app-secret');
    expect(text).not.toContain('app-cookie');
    expect(text.match(/ALLOWED/g)?.length ?? 0).toBeLessThanOrEqual(1);
    // The top navigation attempt threw in the sandbox (reported "blocked" above), so no navigation
    // of the app was started: none was requested and the page is still the app.
    expect(appNavigations).toEqual([]);
    expect(page.url()).toBe(appUrl);
    expect(await page.evaluate(() => localStorage.getItem('director.secret'))).toBe('app-secret');
    // The preview keeps working: put a real scene back and it plays.
    await page.keyboard.press('Control+z');
    await waitForBuild(page);
    expect(baseUrl()).toBeTruthy();
  });

  it('saves a version, diffs it against the edited project, restores it, and undoes the restore', async () => {
    const { page } = await openApp(context);
    await openCodeView(page, 'Basic');
    await page.getByLabel('Version name').fill('Clean start');
    await page.getByRole('button', { name: 'Save version' }).click();
    const row = page.getByTestId('version-row').filter({ hasText: 'Clean start' });
    await row.waitFor();
    await row.locator('.version-thumb img').waitFor(); // a thumbnail of the preview

    await page.getByRole('button', { name: 'OutroScene.tsx' }).click();
    const original = await page.locator('.cm-content').innerText();
    await replaceEditorText(page, original.replace('damping: 12', 'damping: 99'));
    await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
    await waitForBuild(page);

    await row.getByRole('button', { name: 'Diff' }).click();
    const dialog = page.getByRole('dialog', { name: 'Changes since Clean start' });
    expect(await dialog.locator('.diff-del').allTextContents()).toContain('-  const scale = spring({frame, fps, config: {damping: 12}});');
    expect(await dialog.locator('.diff-add').allTextContents()).toContain('+  const scale = spring({frame, fps, config: {damping: 99}});');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await row.getByRole('button', { name: 'Restore' }).click();
    await page.waitForFunction(() => document.querySelector('.cm-content')!.textContent!.includes('damping: 12'));
    await page.getByRole('status').filter({ hasText: 'Restored “Clean start”' }).getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => document.querySelector('.cm-content')!.textContent!.includes('damping: 99'));
    // Each restore (the undo is one too) first keeps what it replaces as a version: nothing is lost.
    await expect.poll(() => page.getByTestId('version-row').filter({ hasText: 'Before restoring' }).count()).toBe(2);
  });
});
