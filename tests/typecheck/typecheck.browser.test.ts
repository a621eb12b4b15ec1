/**
 * The agent's build check in real headless Chromium: the bundler worker and the TypeScript worker
 * (real compiler, type library from our origin) behind sandbox-agent-runtime, as the app runs them.
 * Run: npx vitest run --config tests/typecheck/vitest.config.ts
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARNESS_PATH, launchChromium, startTypecheckServer } from './typecheck-server';

let browser: Browser;
let page: Page;
let baseUrl: string;
let stop: () => Promise<void>;
const pageErrors: string[] = [];

async function openHarness(): Promise<Page> {
  const p = await browser.newPage();
  p.on('pageerror', (e) => pageErrors.push(e.message));
  return p;
}

async function loadHarness(p: Page) {
  await p.goto(baseUrl + HARNESS_PATH);
  await p.waitForFunction(() => document.title === 'typecheck harness ready', null, { timeout: 60_000 });
}

beforeAll(async () => {
  const started = await startTypecheckServer();
  baseUrl = started.baseUrl;
  browser = await launchChromium();
  stop = async () => {
    await browser.close();
    await started.server.close();
  };
  page = await openHarness();
  await loadHarness(page);
});

afterAll(async () => {
  await stop?.();
});

const templateFiles = (id: string) => page.evaluate((t) => window.typecheckHarness.templateFiles(t), id);
const check = (projectId: string, files: Record<string, string>) => page.evaluate(([id, f]) => window.typecheckHarness.check(id!, f as Record<string, string>), [projectId, files] as const);
const typeCheck = (projectId: string, files: Record<string, string>) => page.evaluate(([id, f]) => window.typecheckHarness.typeCheck(id!, f as Record<string, string>), [projectId, files] as const);

/** 1-based line of the first occurrence of `needle`. */
const lineOf = (text: string, needle: string) => {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in the file`);
  return text.slice(0, at).split('\n').length;
};
const ms = (n: number) => `${Math.round(n)} ms`;

describe('run_build_check in the browser: bundle and type errors', () => {
  it('checks a template clean with types on, and times the first (cold) and later (warm) checks', async () => {
    const files = await templateFiles('explainer');
    const cold = await check('explainer', files);
    expect(cold).toMatchObject({ bundleErrors: [], typeErrors: [], typeChecked: true });
    const warm = await check('explainer', files);
    expect(warm).toMatchObject({ bundleErrors: [], typeErrors: [], typeChecked: true });
    const edited = { ...files, 'src/scenes/Summary.tsx': `${files['src/scenes/Summary.tsx']}\nexport const answer: number = 42;\n` };
    const afterEdit = await check('explainer', edited);
    expect(afterEdit.typeErrors).toEqual([]);
    const typesOnly = await typeCheck('explainer', edited);
    expect(typesOnly.errors).toEqual([]);
    console.log(
      `[typecheck] build check (bundle + types, wall): cold ${ms(cold.wallMs)}, warm re-check ${ms(warm.wallMs)}, after an edit ${ms(afterEdit.wallMs)}; type check alone (warm) ${ms(typesOnly.ms)}`,
    );
  });

  it('checks every other template clean', async () => {
    for (const id of ['basic', 'product-showcase']) {
      const report = await check(id, await templateFiles(id));
      expect(report, id).toMatchObject({ bundleErrors: [], typeErrors: [], typeChecked: true });
    }
  });

  it('reports a string where a number is required at file:line, which the bundler alone misses', async () => {
    const files = await templateFiles('explainer');
    const summary = files['src/scenes/Summary.tsx']!.replace('config: {damping: 12}', "config: {damping: '12'}");
    const report = await check('explainer', { ...files, 'src/scenes/Summary.tsx': summary });
    expect(report.bundleErrors).toEqual([]);
    expect(report.typeErrors).toHaveLength(1);
    expect(report.typeErrors[0]).toMatchObject({ file: 'src/scenes/Summary.tsx', line: lineOf(summary, "damping: '12'"), severity: 'error' });
    expect(report.typeErrors[0]!.message).toMatch(/^TS2322: Type 'string' is not assignable to type 'number'/);
  });

  it('reports a wrong Composition prop and a number passed as a string prop, each at file:line', async () => {
    const files = await templateFiles('basic');
    const root = files['src/Root.tsx']!.replace(/title: '[^']*',/, 'title: 42,').replace('fps={30}', 'fps="30"');
    const main = files['src/Main.tsx']!.replace('<TitleScene title={props.title}', '<TitleScene title={7}');
    const report = await check('basic', { ...files, 'src/Root.tsx': root, 'src/Main.tsx': main });
    expect(report.bundleErrors).toEqual([]);
    const at = report.typeErrors.map((e) => `${e.file}:${e.line}`);
    expect(at).toContain(`src/Root.tsx:${lineOf(root, 'fps="30"')}`);
    expect(at).toContain(`src/Main.tsx:${lineOf(main, 'title={7}')}`);
    expect(report.typeErrors.find((e) => e.file === 'src/Main.tsx')!.message).toMatch(/Type 'number' is not assignable to type 'string'/);
    // The schema types defaultProps: title must be a string.
    expect(report.typeErrors.some((e) => e.file === 'src/Root.tsx' && /number/.test(e.message) && /string/.test(e.message))).toBe(true);
  });

  it('knows any @remotion/google-fonts/<Font> as the runtime provides it', async () => {
    const files = await templateFiles('basic');
    const title = `import {loadFont} from '@remotion/google-fonts/PlayfairDisplay';\nconst {fontFamily} = loadFont();\n${files['src/scenes/TitleScene.tsx']!.replace('<AbsoluteFill', '<AbsoluteFill data-font={fontFamily}')}`;
    const report = await check('basic', { ...files, 'src/scenes/TitleScene.tsx': title });
    expect(report).toMatchObject({ bundleErrors: [], typeErrors: [], typeChecked: true });
  });

  it('serves the type library from our origin', async () => {
    const size = await page.evaluate(async () => (await (await fetch('/typescript/type-library.json')).arrayBuffer()).byteLength);
    console.log(`[typecheck] type library: ${(size / 1e6).toFixed(2)} MB (uncompressed)`);
    expect(size).toBeGreaterThan(500_000);
    expect(pageErrors).toEqual([]);
  });

  it('falls back to bundle-only, with a warning, when the TypeScript worker cannot load its library', async () => {
    const broken = await openHarness();
    await broken.route('**/typescript/type-library.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await loadHarness(broken);
    const files = await broken.evaluate(() => window.typecheckHarness.templateFiles('basic'));
    const withError = { ...files, 'src/Main.tsx': files['src/Main.tsx']!.replace('<TitleScene title={props.title}', '<TitleScene title={7}') };
    for (let i = 0; i < 2; i++) {
      const report = await broken.evaluate((f) => window.typecheckHarness.check('broken', f), withError);
      expect(report).toMatchObject({ bundleErrors: [], typeErrors: [], typeChecked: false });
    }
    const bundleError = await broken.evaluate((f) => window.typecheckHarness.check('broken', { ...f, 'src/Main.tsx': `${f['src/Main.tsx']}\nconst = ;` }), files);
    expect(bundleError.bundleErrors.length).toBeGreaterThan(0);
    const warnings = await broken.evaluate(() => window.typecheckHarness.warnings());
    expect(warnings.filter((w) => w.includes('Type checks are off'))).toHaveLength(1);
    await broken.close();
  });
});
