import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { configureEdge, createProjectInUi, launchBrowser, openApp, waitForBuilt } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1500, height: 950 } })));
afterEach(() => context?.close());

/** Queues model turns in the fake Gemini (served in order, streamed as the real API streams them). */
async function scriptGemini(turns: unknown[][]) {
  const res = await fetch(`${inject('fakesUrl')}/__fake/gemini-script`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ turns }) });
  expect(res.ok).toBe(true);
}


describe('the Director agent through the real edge', () => {
  it('turns a prompt into a project that builds and plays, shows its steps, survives a reload, and undoes in one click', async () => {
    const { page, errors } = await openApp(context);
    await configureEdge(page, { agent: 'gemini-2.5-flash' });
    await createProjectInUi(page, 'Coffee app');
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    await page.getByRole('tab', { name: 'Director' }).waitFor();

    await scriptGemini([
      [{ text: 'I will start from the explainer template.' }, { functionCall: { name: 'scaffold_project', args: { template: 'explainer', name: 'Coffee app launch', fps: 30, width: 1920, height: 1080 } } }],
      [{ functionCall: { name: 'set_project_style', args: { palette: ['#3b2416', '#f5b94a', '#fff3e0'], fonts: ['Inter'], mood: 'warm, upbeat' } } }],
      // Parsed in the TypeScript worker: the page itself never loads the compiler.
      [{ functionCall: { name: 'map_project', args: {} } }],
      [{ text: 'Your 20-second launch video is ready: intro, three steps and a summary in warm colours.' }],
    ]);
    await page.getByLabel('Message to the Director').fill('A 20-second launch video for our coffee app, warm colours, upbeat');
    await page.getByRole('button', { name: 'Send' }).click();

    const turn = page.getByTestId('chat-turn').first();
    await turn.waitFor({ timeout: 60_000 });
    expect(await turn.getAttribute('data-status')).toBe('clean');
    expect(await turn.locator('.chat-steps').textContent()).toContain('scaffold_project');
    // The automatic visual check rendered stills in the real engine and measured them: nothing flagged on the template.
    expect(await turn.locator('.chat-steps').textContent()).toMatch(/auto_visual_check.*frames 0(, \d+)+ look right/s);
    expect(await turn.locator('.chat-steps').textContent()).toMatch(/map_project.*\d+ files, 1 compositions, [1-9]\d* components/s);
    expect(await turn.textContent()).toContain('Your 20-second launch video is ready');

    // The project it wrote builds and plays in the preview.
    await waitForBuilt(page);
    expect(await page.getByLabel('Composition', { exact: true }).inputValue()).toBe('Explainer');
    await page.getByRole('tab', { name: 'Files' }).click();
    await page.getByRole('button', { name: 'Step.tsx', exact: true }).waitFor();

    // The conversation is there again after a reload.
    await page.reload();
    await page.getByRole('tab', { name: 'Director' }).click();
    await page.getByTestId('chat-turn').first().waitFor();
    expect(await page.getByTestId('chat-turn').first().textContent()).toContain('A 20-second launch video');

    // One click undoes the turn: the project is back to no source.
    await page.getByRole('button', { name: 'Undo this turn' }).click();
    await page.getByTestId('start-choices').waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
  });

  it('pale text on white is caught by the automatic visual check in the real engine (its text layer against the frame) and sent back with the frames', async () => {
    const { page, errors } = await openApp(context);
    await configureEdge(page, { agent: 'gemini-2.5-flash' });
    await createProjectInUi(page, 'Title card');
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    await page.getByRole('tab', { name: 'Director' }).waitFor();
    const create = (path: string, text: string) => ({ functionCall: { name: 'atomic_edit', args: { path, expectedHash: 'new', edits: [{ startLine: 1, endLine: 0, newText: text }] } } });
    const title = (color: string) => `import {AbsoluteFill} from 'remotion';\nexport const Title = () => (\n  <AbsoluteFill style={{backgroundColor: '#ffffff', color: '${color}', fontSize: 140, justifyContent: 'center', alignItems: 'center'}}>Launch day</AbsoluteFill>\n);`;
    await scriptGemini([
      [
        create('src/index.ts', "import {registerRoot} from 'remotion';\nimport {Root} from './Root';\nregisterRoot(Root);"),
        create('src/Root.tsx', "import {Composition} from 'remotion';\nimport {Title} from './Title';\nexport const Root = () => <Composition id=\"Main\" component={Title} durationInFrames={60} fps={30} width={1280} height={720} />;"),
        create('src/Title.tsx', title('#e5e7eb')),
      ],
      [{ text: 'A white title card.' }],
      // After the check: recreate the title in a dark colour.
      [{ functionCall: { name: 'delete_file', args: { path: 'src/Title.tsx', force: true } } }, create('src/Title.tsx', title('#111827'))],
      [{ text: 'The title is dark now, so it shows on white.' }],
    ]);
    await page.getByLabel('Message to the Director').fill('A white title card saying Launch day');
    await page.getByRole('button', { name: 'Send' }).click();
    const turn = page.getByTestId('chat-turn').first();
    await turn.waitFor({ timeout: 60_000 });
    await expect.poll(() => turn.getAttribute('data-status'), { timeout: 90_000 }).not.toBe('running');
    const steps = (await turn.locator('.chat-steps').textContent())!;
    expect(steps).toMatch(/auto_visual_check.*visual problem[\s\S]*auto_visual_check.*look right/);
    // Not a blank frame: the pale title is judged as text, from the sandbox's layout.
    const problems = await turn.locator('.chat-steps').innerText();
    expect(problems).toMatch(/text "Launch day" \(#e5e7eb, 140 px\) on #f[0-9a-f]{5} has contrast 1\.\d\d:1/);
    expect(await turn.getAttribute('data-status')).toBe('clean');
    expect(errors).toEqual([]);
  });

  it('a runtime error in the real sandbox comes back at its project file and line, with the line', async () => {
    const { page, errors } = await openApp(context);
    await configureEdge(page, { agent: 'gemini-2.5-flash' });
    await createProjectInUi(page, 'Credits');
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    await page.getByRole('tab', { name: 'Director' }).waitFor();
    const create = (path: string, text: string) => ({ functionCall: { name: 'atomic_edit', args: { path, expectedHash: 'new', edits: [{ startLine: 1, endLine: 0, newText: text }] } } });
    const credits = [
      "import {AbsoluteFill, useCurrentFrame} from 'remotion';",
      '',
      "const names = [{name: 'Ada'}, {name: 'Grace'}, {name: 'Linus'}];",
      '',
      'export const Credits = () => {',
      '  const frame = useCurrentFrame();',
      '  const shown = Math.min(3, Math.floor(frame / 10));',
      '  const last = names[shown].name;',
      "  return <AbsoluteFill style={{backgroundColor: '#111827', color: '#ffffff', fontSize: 80}}>{last}</AbsoluteFill>;",
      '};',
    ].join('\n');
    await scriptGemini([
      [
        create('src/index.ts', "import {registerRoot} from 'remotion';\nimport {Root} from './Root';\nregisterRoot(Root);"),
        create('src/Root.tsx', "import {Composition} from 'remotion';\nimport {Credits} from './Credits';\nexport const Root = () => <Composition id=\"Main\" component={Credits} durationInFrames={60} fps={30} width={1280} height={720} />;"),
        create('src/Credits.tsx', credits),
      ],
      [{ text: 'Rolling credits.' }],
      [{ text: 'I will leave it.' }],
      [{ text: 'I will leave it.' }],
      [{ text: 'I will leave it.' }],
    ]);
    await page.getByLabel('Message to the Director').fill('Rolling credits');
    await page.getByRole('button', { name: 'Send' }).click();
    const turn = page.getByTestId('chat-turn').first();
    await turn.waitFor({ timeout: 60_000 });
    await expect.poll(() => turn.getAttribute('data-status'), { timeout: 90_000 }).toBe('problems_remain');
    const text = (await turn.textContent())!;
    // Mapped from Chromium's stack through the bundle's source map, past the sandbox's wrapper line.
    expect(text).toMatch(/frame 59: Cannot read properties of undefined \(reading 'name'\) at src\/Credits\.tsx:8:\d+/);
    expect(text).toContain('const last = names[shown].name;');
    expect(errors).toEqual([]);
  });

  it('reports a provider failure plainly and leaves the project as it was', async () => {
    const { page } = await openApp(context);
    await configureEdge(page, { agent: 'gemini-2.5-flash' });
    await createProjectInUi(page, 'Quota');
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    await page.getByLabel('Message to the Director').fill('Make a video [fake:429]');
    await page.getByRole('button', { name: 'Send' }).click();
    const turn = page.getByTestId('chat-turn').first();
    await turn.waitFor({ timeout: 60_000 });
    expect(await turn.getAttribute('data-status')).toBe('failed');
    expect((await turn.textContent())!.toLowerCase()).toMatch(/quota|rate|too many/);
    await page.getByTestId('start-choices').waitFor();
  });
});
