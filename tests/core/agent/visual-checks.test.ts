import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contrastRatio, frameFindings } from '../../../src/core/agent/checks/frame-findings';
import type { ModelRequest } from '../../../src/core/agent/provider/model-types';
import { lastFunctionResponse, makeScriptedProvider, type ScriptedReply } from '../../../src/core/agent/provider/scripted-provider';
import { decodeBase64 } from '../../../src/core/util/base64';
import * as esbuild from 'esbuild-wasm';
import { makeBundlerBuildChecker } from '../../../src/core/agent/checks/bundler-build-checker';
import { templateById } from '../../../src/core/templates';
import { buildChecker, makeHarness, turnWith } from './harness';
import { makeNodeTypeChecker } from './node-type-checker';
import { coloursInPng, makeSwatchStillRenderer } from './swatch-still-renderer';

vi.setConfig({ testTimeout: 30_000 });
beforeAll(() => buildChecker.check({ files: new Map([['src/index.ts', 'export {};']]), assetNames: new Set() }), 60_000);
const typedChecker = makeBundlerBuildChecker(esbuild, { typeCheck: makeNodeTypeChecker() });
afterAll(async () => {
  await typedChecker.dispose();
  await buildChecker.dispose();
});

const root = [
  "import {Composition} from 'remotion';",
  "import {Title} from './scenes/Title';",
  'export const Root = () => <Composition id="Main" component={Title} durationInFrames={90} fps={30} width={1280} height={720} />;',
  '',
].join('\n');
const title = (color: string) => `import {AbsoluteFill} from 'remotion';\nexport const Title = () => (\n  <AbsoluteFill style={{backgroundColor: '#ffffff', color: '${color}'}}>Launch day</AbsoluteFill>\n);\n`;
const files = { 'src/index.ts': "import {registerRoot} from 'remotion';\nimport {Root} from './Root';\nregisterRoot(Root);\n", 'src/Root.tsx': root };

const solid = (w: number, h: number, rgb: number[], spots: [number, number, number[]][] = []) => {
  const data = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) data.set([...rgb, 255], i * 4);
  for (const [x, y, c] of spots) data.set([...c, 255], (y * w + x) * 4);
  return { width: w, height: h, data };
};

describe('automatic visual checks', () => {
  it('measures blank frames and WCAG AA contrast from the pixels', () => {
    expect(contrastRatio([255, 255, 255], [0, 0, 0])).toBeCloseTo(21, 0);
    expect(frameFindings(solid(100, 100, [255, 255, 255]))).toEqual([{ code: 'blank_frame', message: expect.stringContaining('#ffffff over 100.0%') }]);
    const text = Array.from({ length: 400 }, (_, i) => [10 + (i % 40), 40 + Math.floor(i / 40), [238, 238, 238]] as [number, number, number[]]);
    expect(frameFindings(solid(100, 100, [255, 255, 255], text))).toEqual([{ code: 'low_contrast', message: expect.stringMatching(/#eeeeee on background #ffffff has contrast 1\.\d\d:1, below WCAG AA/) }]);
    const dark = text.map(([x, y]) => [x, y, [17, 24, 39]] as [number, number, number[]]);
    expect(frameFindings(solid(100, 100, [255, 255, 255], dark))).toEqual([]);
  });

  it('white text on white: the model sees the frames and fixes it only because the image shows it', async () => {
    const h = makeHarness({ files });
    h.ctx.stillRenderer = makeSwatchStillRenderer('src/scenes/Title.tsx');
    // This model never reads the findings' text: it looks at the images it is sent.
    const lookAtFrames = (req: ModelRequest): ScriptedReply => {
      const images = req.contents.at(-1)!.parts.filter((p) => p.inlineData);
      if (images.length === 0) return { text: 'Done: a white title card.' };
      const invisible = images.some((p) => coloursInPng(decodeBase64(p.inlineData!.data)).size < 2);
      if (!invisible) return { text: 'The frames look right.' };
      return { calls: [{ name: 'read_file', args: { path: 'src/scenes/Title.tsx' } }] };
    };
    const model = makeScriptedProvider([
      { calls: [{ name: 'create_component', args: { name: 'Title', kind: 'scene', code: title('#ffffff') } }] },
      { text: 'Done: a white title card.' },
      lookAtFrames,
      (req) => ({ calls: [{ name: 'atomic_edit', args: { path: 'src/scenes/Title.tsx', expectedHash: (lastFunctionResponse(req, 'read_file') as { output: { hash: string } }).output.hash, edits: [{ startLine: 3, endLine: 3, newText: "  <AbsoluteFill style={{backgroundColor: '#ffffff', color: '#111827'}}>Launch day</AbsoluteFill>" }] } }] }),
      { text: 'Made the title dark so it shows on white.' },
    ]);
    const turn = await turnWith(h, model, 'A white title card saying Launch day');
    const correction = model.requests[2]!.contents.at(-1)!;
    expect(correction.parts.at(-1)!.text).toMatch(/visual: frame 0: the frame is almost one colour \(#ffffff/);
    expect(correction.parts.filter((p) => p.inlineData).length).toBe(3);
    expect(turn.steps.filter((s) => s.name === 'auto_visual_check').map((s) => s.ok)).toEqual([false, true]);
    expect(turn.status).toBe('clean');
    expect(h.workspace.snapshot().get('src/scenes/Title.tsx')).toContain("color: '#111827'");
  });

  it('says plainly when visual and runtime checks were skipped (Node stand-ins)', async () => {
    const h = makeHarness({ files });
    const model = makeScriptedProvider([
      { calls: [{ name: 'create_component', args: { name: 'Title', kind: 'scene', code: title('#111827') } }] },
      { text: 'Done.' },
    ]);
    const turn = await turnWith(h, model, 'A title card');
    expect(turn.status).toBe('clean');
    expect(turn.message).toMatch(/Not checked here: runtime checks used a stand-in that renders nothing[^;]*; visual checks were skipped \(no real renderer here: stills are placeholders\)\./);
  });

  it('times an edit to the end of the automatic checks on the four templates, for the bench', async () => {
    const times: number[] = [];
    // Warm: the compiler's lib files parsed once, as in the app's long-lived TypeScript worker.
    await typedChecker.check({ files: new Map(Object.entries(templateById('basic')!.files({ name: 'Warm', width: 1280, height: 720, fps: 30 }))), assetNames: new Set() });
    for (const id of ['basic', 'product-showcase', 'explainer', 'beat-montage']) {
      const templateFiles = templateById(id)!.files({ name: 'Bench', width: 1280, height: 720, fps: 30 });
      const h = makeHarness({ files: templateFiles });
      h.ctx.buildChecker = typedChecker;
      h.ctx.stillRenderer = makeSwatchStillRenderer('src/Root.tsx');
      const model = makeScriptedProvider([
        { calls: [{ name: 'atomic_edit', args: { path: 'src/Root.tsx', expectedHash: (await h.workspace.readFile('src/Root.tsx'))!.hash, edits: [{ startLine: 1, endLine: 0, newText: '// bench edit' }] } }] },
        { text: 'Done.' },
        { text: 'Done.' },
      ]);
      const turn = await turnWith(h, model, `bench ${id}`);
      const checks = turn.steps.filter((st) => st.kind === 'check');
      expect(checks.map((c) => c.name)).toEqual(['auto_run_build_check', 'auto_run_preview', 'auto_visual_check']);
      times.push(checks.reduce((n, c) => n + c.ms, 0));
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = (sorted[1]! + sorted[2]!) / 2;
    console.log(`[bench] edit to end of automatic checks (bundle + types + 3 stills + visual findings; Node: stills are swatches, preview is the stand-in), median over 4 templates: ${median.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join('/')})`);
  }, 120_000);
});
