import { describe, expect, it } from 'vitest';
import * as esbuild from 'esbuild-wasm';
import { AUTOPILOT_COMPONENT, AUTOPILOT_COMPONENT_PATH, AUTOPILOT_PLAN_PATH, DEFAULT_CAPTION_STYLE, NO_BRAND, autopilotDurationInFrames, autopilotFiles, autopilotPlan, scriptToStoryboard, templateScript, DEFAULT_SCRIPT_OPTIONS } from '../../../src/core/autopilot';
import { makeProjectBundler } from '../../../src/core/bundler/bundle-project';
import { templateFiles } from '../storyboard/template-files';

function plan() {
  let n = 0;
  const board = scriptToStoryboard(templateScript('rivers', { ...DEFAULT_SCRIPT_OPTIONS, lengthS: 21 }), { version: 1, scenes: [], characters: [], styles: [], snapTo: 'beat' }, () => `id${n++}`);
  const firstClip = board.scenes[0]!.clips[0]!.id;
  return autopilotPlan({
    board,
    size: { fps: 30, width: 1280, height: 720 },
    visualOf: (clipId) => (clipId === firstClip ? { kind: 'video', src: 'river.mp4', trimBefore: 0 } : null),
    cues: [
      { startS: 0, endS: 1.2, text: 'Here is rivers,', words: [{ text: 'Here', startS: 0, endS: 0.3 }, { text: 'is', startS: 0.3, endS: 0.5 }, { text: 'rivers,', startS: 0.5, endS: 1.2 }] },
      { startS: 1.2, endS: 2, text: 'in a few steps.' },
    ],
    captionStyle: DEFAULT_CAPTION_STYLE,
    soundtrack: 'autopilot/soundtrack.wav',
    brand: { ...NO_BRAND, intro: { src: 'brand/k/intro.mp4', frames: 30 } },
  });
}

describe('the Auto-pilot video as Remotion code', () => {
  it('plans scenes with their pictures, designed cards where none, and captions as pages of words', () => {
    const p = plan();
    expect(p.scenes.map((s) => [s.frames, s.visual.kind])).toEqual([[210, 'video'], [210, 'designed'], [210, 'designed']]);
    expect(p.scenes[1]!.onScreenText).toBe('Why it matters');
    expect(p.captions[0]).toEqual({ text: 'Here is rivers,', startMs: 0, durationMs: 1200, tokens: [{ text: 'Here', fromMs: 0, toMs: 300 }, { text: ' is', fromMs: 300, toMs: 500 }, { text: ' rivers,', fromMs: 500, toMs: 1200 }] });
    expect(p.captions[1]!.tokens).toEqual([{ text: 'in a few steps.', fromMs: 1200, toMs: 2000 }]);
    expect(autopilotDurationInFrames(p)).toBe(30 + 630);
  });

  it("adds the composition to every template's Root once, and to a view's bare Root", () => {
    const { files, error } = autopilotFiles(plan(), new Map(), AUTOPILOT_COMPONENT);
    expect(error).toBeUndefined();
    expect(Object.keys(files).sort()).toEqual(['src/Root.tsx', AUTOPILOT_COMPONENT_PATH, AUTOPILOT_PLAN_PATH, 'src/index.ts'].sort());
    for (const [name, root] of templateFiles()) {
      const out = autopilotFiles(plan(), new Map([['src/Root.tsx', root]]), AUTOPILOT_COMPONENT);
      expect(out.error, name).toBeUndefined();
      expect(out.files['src/Root.tsx'], name).toMatch(/<AutoPilotComposition \/>\s*<\/>/);
      const again = autopilotFiles(plan(), new Map([['src/Root.tsx', out.files['src/Root.tsx']!]]), AUTOPILOT_COMPONENT);
      expect(again.files['src/Root.tsx'], name).toBeUndefined();
    }
    const bare = "import {StoryboardComposition} from './storyboard/StoryboardCut';\n\nexport const Root: React.FC = () => {\n  return <StoryboardComposition />;\n};\n";
    expect(autopilotFiles(plan(), new Map([['src/Root.tsx', bare]]), AUTOPILOT_COMPONENT).files['src/Root.tsx']).toMatch(/<StoryboardComposition \/>\s*<AutoPilotComposition \/>\s*<\/>/);
    expect(autopilotFiles(plan(), new Map([['src/Root.tsx', 'export default 1;']]), AUTOPILOT_COMPONENT).error).toMatch(/add <AutoPilotComposition \/>/);
  });

  it("bundles with Director's bundler (real esbuild-wasm)", { timeout: 30_000 }, async () => {
    const bundler = makeProjectBundler(esbuild);
    try {
      const { files } = autopilotFiles(plan(), new Map(), AUTOPILOT_COMPONENT);
      const out = await bundler.build({ files: new Map(Object.entries(files)), assetNames: new Set(['river.mp4', 'autopilot/soundtrack.wav', 'brand/k/intro.mp4']) });
      expect(out.errors).toEqual([]);
      expect(out.code).toMatch(/require\("@remotion\/media"\)/);
    } finally {
      bundler.dispose();
    }
  });
});
