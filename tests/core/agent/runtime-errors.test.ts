import * as esbuild from 'esbuild-wasm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lastFunctionResponse, makeScriptedProvider, type ScriptedReply } from '../../../src/core/agent/provider/scripted-provider';
import type { ModelRequest } from '../../../src/core/agent/provider/model-types';
import { runPreview } from '../../../src/core/agent/tools/run-preview';
import { buildChecker, makeHarness, turnWith } from './harness';
import { makeVmPreviewRunner } from './vm-preview-runner';

vi.setConfig({ testTimeout: 30_000 });
const runner = makeVmPreviewRunner(esbuild);
beforeAll(() => buildChecker.check({ files: new Map([['src/index.ts', 'export {};']]), assetNames: new Set() }), 60_000);
afterAll(async () => {
  await runner.dispose();
  await buildChecker.dispose();
});

const files = {
  'src/index.ts': "import {registerRoot} from 'remotion';\nimport {Credits} from './scenes/Credits';\nimport {Intro} from './scenes/Intro';\nregisterRoot(() => null);\nexport {Intro, Credits};\n",
  'src/scenes/Intro.tsx': "import {AbsoluteFill} from 'remotion';\nexport const Intro = () => <AbsoluteFill>Hello</AbsoluteFill>;\n",
  // From frame 30 on, the credits read a fourth name that is not there.
  'src/scenes/Credits.tsx': [
    "import {AbsoluteFill, useCurrentFrame} from 'remotion';",
    '',
    "const names = [{name: 'Ada'}, {name: 'Grace'}, {name: 'Linus'}];",
    '',
    'export const Credits = () => {',
    '  const frame = useCurrentFrame();',
    '  const shown = Math.min(3, Math.floor(frame / 10));',
    '  const last = names[shown].name;',
    '  return <AbsoluteFill>{last}</AbsoluteFill>;',
    '};',
    '',
  ].join('\n'),
};

type ErrorSeen = { message: string; frames: number[]; at?: string; source?: string };
const previewErrors = (req: ModelRequest) => ((lastFunctionResponse(req, 'run_preview') as { output: { errors: ErrorSeen[] } }).output.errors);

describe('runtime errors at their source line', () => {
  it('maps a real V8 stack through the bundle source map to file:line:column with the line, once across frames', async () => {
    const report = await runner.run({ files: new Map(Object.entries(files)), assetNames: new Set(), frames: [0, 30, 45, 59] });
    expect(report.errors.map((e) => e.frame)).toEqual([30, 45, 59]);
    expect(report.errors[0]!.stack).toMatch(/blob:http:\/\/director\.test\/bundle-\d+:\d+:\d+/);
    expect(report.errors[0]!.location).toEqual({ file: 'src/scenes/Credits.tsx', line: 8, column: expect.any(Number), lineText: '  const last = names[shown].name;' });

    // run_preview sends it once, with the frames it happened on.
    const h = makeHarness({ files });
    h.ctx.previewRunner = runner;
    const out = await runPreview.run({ frames: [0, 30, 45, 59] }, h.ctx);
    expect(out.ok && out.check!.problems).toEqual([`frames 30, 45, 59: Cannot read properties of undefined (reading 'name') at ${report.errors[0]!.location!.file}:8:${report.errors[0]!.location!.column}\n   8 |   const last = names[shown].name;\n     | ${' '.repeat(report.errors[0]!.location!.column - 1)}^`]);
  });

  it('a model that fixes only an error that names the file and line repairs a crash on frame 30', async () => {
    const h = makeHarness({ files });
    h.ctx.previewRunner = runner;
    // It reads the file and line from the error, and guards the property access it sees on that line.
    const fixFromError = (req: ModelRequest): ScriptedReply => {
      const error = previewErrors(req).find((e) => e.at && e.source);
      const where = error && /^(src\/[^:]+):(\d+):\d+$/.exec(error.at!);
      if (!error || !where) return { text: 'Something fails at runtime, but I cannot tell where.' };
      const shownLine = error.source!.split('\n')[0]!.replace(/^\s*\d+ \| /, '');
      const read = lastFunctionResponse(req, 'read_file') as { output?: { path: string; hash: string } } | undefined;
      if (!read?.output || read.output.path !== where[1]) return { calls: [{ name: 'read_file', args: { path: where[1] } }] };
      const fixed = shownLine.replace(/\[(\w+)\]\.(\w+)/, '[$1]?.$2 ?? ""');
      return { calls: [{ name: 'atomic_edit', args: { path: where[1], expectedHash: read.output.hash, edits: [{ startLine: Number(where[2]), endLine: Number(where[2]), newText: fixed }] } }] };
    };
    const model = makeScriptedProvider([
      { calls: [{ name: 'run_preview', args: { frames: [0, 30, 59] } }] },
      fixFromError,
      fixFromError,
      { calls: [{ name: 'run_preview', args: { frames: [0, 30, 59] } }] },
      { text: 'The credits no longer read past the last name.' },
    ]);
    const turn = await turnWith(h, model, 'Check the credits');
    const first = model.requests[1]!;
    expect(previewErrors(first)).toEqual([
      { message: "Cannot read properties of undefined (reading 'name')", frames: [30, 59], at: expect.stringMatching(/^src\/scenes\/Credits\.tsx:8:\d+$/), source: expect.stringContaining('   8 |   const last = names[shown].name;') },
    ]);
    expect(turn.status).toBe('clean');
    expect(h.workspace.snapshot().get('src/scenes/Credits.tsx')).toContain('const last = names[shown]?.name ?? "";');
  });
});
