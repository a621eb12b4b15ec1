import * as esbuild from 'esbuild-wasm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProblemLines, sourceExcerpt } from '../../../src/core/agent/checks/build-problem-lines';
import { makeBundlerBuildChecker } from '../../../src/core/agent/checks/bundler-build-checker';
import { lastFunctionResponse, makeScriptedProvider } from '../../../src/core/agent/provider/scripted-provider';
import { runBuildCheck } from '../../../src/core/agent/tools/run-build-check';
import { templateById } from '../../../src/core/templates';
import { buildChecker, makeHarness, turnWith } from './harness';
import { makeNodeTypeChecker } from './node-type-checker';

vi.setConfig({ testTimeout: 60_000 });
// Bundle and types, as the app checks: esbuild-wasm and the real TypeScript compiler.
const typedChecker = makeBundlerBuildChecker(esbuild, { typeCheck: makeNodeTypeChecker() });
beforeAll(() => typedChecker.check({ files: new Map([['src/index.ts', 'export {};']]), assetNames: new Set() }), 120_000);
afterAll(async () => {
  await typedChecker.dispose();
  await buildChecker.dispose();
});

const explainer = templateById('explainer')!.files({ name: 'T', width: 1920, height: 1080, fps: 30 });
const withFile = (path: string, content: string) => makeHarness({ files: { ...explainer, [path]: content } });
// A missing ")" in a file the entry imports (esbuild only sees what the bundle reaches).
const brokenSummary = () => withFile('src/scenes/Summary.tsx', explainer['src/scenes/Summary.tsx']!.replace('Math.min(width, height);', 'Math.min(width, height;'));

describe('build errors the model can act on', () => {
  it('shows each error with its source line and a caret under the column', () => {
    expect(sourceExcerpt('  const x = interpolate(frame);', 5, 13)).toBe('   5 |   const x = interpolate(frame);\n     |             ^');
    // Tabs are shown as two spaces and the caret follows them.
    expect(sourceExcerpt('\tfoo(;', 2, 6)).toBe('   2 |   foo(;\n     |       ^');
    // A long line is cut around the column, which stays visible.
    const long = `const data = [${'1, '.repeat(200)}oops];`;
    const [text, caret] = sourceExcerpt(long, 1, long.indexOf('oops') + 1).split('\n');
    expect(text!.length).toBeLessThan(200);
    expect(text!.slice(caret!.indexOf('^'), caret!.indexOf('^') + 4)).toBe('oops');
  });

  it('reports a syntax error once (esbuild), not again as TypeScript TS1005', async () => {
    const h = brokenSummary();
    h.ctx.buildChecker = typedChecker;
    const report = await typedChecker.check({ files: h.workspace.snapshot(), assetNames: new Set() });
    // The raw report has both copies: this is what the dedup is for.
    expect(report.bundleErrors.filter((d) => d.file === 'src/scenes/Summary.tsx')).toHaveLength(1);
    expect(report.typeErrors).toEqual([expect.objectContaining({ file: 'src/scenes/Summary.tsx', line: 6, message: "TS1005: ')' expected." })]);

    const out = await runBuildCheck.run({}, h.ctx);
    expect(out.ok).toBe(true);
    const problems = out.ok ? out.check!.problems : [];
    expect(problems.filter((p) => p.startsWith('src/scenes/Summary.tsx:6:'))).toHaveLength(1);
    expect(problems[0]).toBe(`src/scenes/Summary.tsx:6:38 Expected ")" but found ";"\n   6 |   const unit = Math.min(width, height;\n     | ${' '.repeat(37)}^`);
  });

  it('keeps the cap and says how many more errors there are', async () => {
    const lines = Array.from({ length: 13 }, (_, i) => `export const v${i}: number = 'text ${i}';`);
    const h = withFile('src/Many.ts', `${lines.join('\n')}\n`);
    h.ctx.buildChecker = typedChecker;
    const out = await runBuildCheck.run({}, h.ctx);
    const problems = out.ok ? out.check!.problems : [];
    expect(problems).toHaveLength(11);
    expect(problems[10]).toBe('… and 3 more errors (fix these first, then check again)');
    expect(out.ok && (out.output as { more?: string }).more).toBe(problems[10]);
    expect(problems[0]).toMatch(/^src\/Many\.ts:1:14 TS2322: .*\n {3}1 \| export const v0: number = 'text 0';\n/);
    expect(buildProblemLines({ bundleErrors: [], typeErrors: [] }, new Map()).problems).toEqual([]);
  });

  it('a model that fixes syntax only from the line and caret it is shown repairs the file in one round', async () => {
    const h = brokenSummary();
    h.ctx.buildChecker = typedChecker;
    // It inserts ")" where the caret points, in the line the error shows: without both it gives up.
    const repairFromError = (problem: string) => {
      const m = /^([^:\n]+):(\d+):\d+ Expected "\)"[^\n]*\n\s*\d+ \| (.*)\n\s*\| ( *)\^/.exec(problem);
      if (!m) return null;
      const shown = m[3]!;
      const at = m[4]!.length;
      return { path: m[1]!, line: Number(m[2]), text: `${shown.slice(0, at)})${shown.slice(at)}` };
    };
    const model = makeScriptedProvider([
      { calls: [{ name: 'run_build_check', args: {} }] },
      (req) => {
        const build = lastFunctionResponse(req, 'run_build_check') as { output: { bundleErrors: string[] } };
        const fix = build.output.bundleErrors.map(repairFromError).find(Boolean);
        if (!fix) return { text: 'I cannot tell where the error is.' };
        // Only for the hash atomic_edit needs; the fix itself comes from the error.
        return { calls: [{ name: 'read_file', args: { path: fix.path, startLine: fix.line, endLine: fix.line } }] };
      },
      (req) => {
        const build = lastFunctionResponse(req, 'run_build_check') as { output: { bundleErrors: string[] } };
        const fix = build.output.bundleErrors.map(repairFromError).find(Boolean)!;
        const hash = (lastFunctionResponse(req, 'read_file') as { output: { hash: string } }).output.hash;
        return { calls: [{ name: 'atomic_edit', args: { path: fix.path, expectedHash: hash, edits: [{ startLine: fix.line, endLine: fix.line, newText: fix.text }] } }] };
      },
      { calls: [{ name: 'run_build_check', args: {} }] },
      { text: 'Fixed the missing parenthesis.' },
    ]);
    const turn = await turnWith(h, model, 'Fix the build');
    expect(turn.status).toBe('clean');
    expect(h.workspace.snapshot().get('src/scenes/Summary.tsx')).toBe(explainer['src/scenes/Summary.tsx']);
  });
});
