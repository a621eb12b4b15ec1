import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { layoutSampleFrames, sceneKeyFrames } from '../../../src/core/agent/checks/scene-key-frames';
import { textLayerFindings } from '../../../src/core/agent/checks/text-layer-findings';
import type { TextLayer } from '../../../src/core/preview/frame-layout';
import { lastFunctionResponse, makeScriptedProvider, type ScriptedReply } from '../../../src/core/agent/provider/scripted-provider';
import type { ModelRequest } from '../../../src/core/agent/provider/model-types';
import { buildChecker, makeHarness, turnWith } from './harness';
import { makeLayoutSwatchRenderer } from './swatch-still-renderer';

vi.setConfig({ testTimeout: 30_000 });
beforeAll(() => buildChecker.check({ files: new Map([['src/index.ts', 'export {};']]), assetNames: new Set() }), 60_000);
afterAll(() => buildChecker.dispose());

const size = { width: 1280, height: 720 };
/** A frame of one background colour with a text block of glyph-like stripes (a third of its box) in the text colour. */
function frame(bg: number[], fg: number[], box = { x: 256, y: 288, width: 768, height: 144 }, scale = 0.25) {
  const width = size.width * scale;
  const height = size.height * scale;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inBox = x >= box.x * scale && x < (box.x + box.width) * scale && y >= box.y * scale && y < (box.y + box.height) * scale;
      data.set([...(inBox && x % 3 === 0 ? fg : bg), 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}
const layer = (over: Partial<TextLayer> = {}): TextLayer => ({ text: 'Launch day', x: 256, y: 288, width: 768, height: 144, color: [17, 24, 39, 1], fontSizePx: 96, bold: true, outlined: false, ...over });

describe('scenes and key frames', () => {
  it('samples evenly from the first frame to the last', () => {
    expect(layoutSampleFrames(1)).toEqual([0]);
    expect(layoutSampleFrames(5)).toEqual([0, 1, 2, 3, 4]);
    const frames = layoutSampleFrames(300);
    expect(frames).toHaveLength(16);
    expect([frames[0], frames.at(-1)]).toEqual([0, 299]);
  });

  it('looks at the start, the middle of each scene and the end; the longest scenes when there are many', () => {
    const samples = layoutSampleFrames(160).map((f) => ({ frame: f, signature: f < 40 ? 'a' : f < 120 ? 'b' : 'c' }));
    const keys = sceneKeyFrames(samples, 160);
    expect(keys[0]).toBe(0);
    expect(keys.at(-1)).toBe(159);
    // One frame inside each scene, away from its edges.
    expect(keys.filter((f) => f > 5 && f < 35)).toHaveLength(1);
    expect(keys.filter((f) => f > 50 && f < 110)).toHaveLength(1);
    expect(keys.filter((f) => f > 125 && f < 155)).toHaveLength(1);
    // Halfway through a scene, not its first sampled frame (where it is often still fading in).
    expect(sceneKeyFrames([{ frame: 0, signature: 'a' }, { frame: 20, signature: 'b' }, { frame: 40, signature: 'b' }, { frame: 60, signature: 'c' }], 61)).toEqual([0, 30, 60]);
    const many = layoutSampleFrames(160).map((f, i) => ({ frame: f, signature: i < 6 ? 'long' : String(i) }));
    expect(sceneKeyFrames(many, 160)).toHaveLength(5);
  });
});

describe('text layers against the frame', () => {
  it('judges text against what is behind it, WCAG AA, large text 3:1', () => {
    expect(textLayerFindings({ frame: 10, signature: 's', texts: [layer()] }, frame([255, 255, 255], [17, 24, 39]), size)).toEqual([]);
    const grey = textLayerFindings({ frame: 10, signature: 's', texts: [layer({ color: [209, 213, 219, 1] })] }, frame([255, 255, 255], [209, 213, 219]), size);
    expect(grey).toEqual([{ code: 'low_contrast_text', message: expect.stringMatching(/text "Launch day" \(#d1d5db, 96 px\) on #ffffff has contrast 1\.\d\d:1, below WCAG AA \(3:1 for large text\)/) }]);
    // Small text needs 4.5:1: #767676 on white passes (4.54), #8a8a8a does not.
    const small = (c: number) => textLayerFindings({ frame: 10, signature: 's', texts: [layer({ fontSizePx: 16, bold: false, color: [c, c, c, 1] })] }, frame([255, 255, 255], [c, c, c]), size);
    expect(small(0x76)).toEqual([]);
    expect(small(0x8a)[0]!.message).toMatch(/below WCAG AA \(4\.5:1 for text\)/);
    // Half-transparent dark text on white reads as grey.
    expect(textLayerFindings({ frame: 10, signature: 's', texts: [layer({ color: [0, 0, 0, 0.4], fontSizePx: 16, bold: false })] }, frame([255, 255, 255], [153, 153, 153]), size)[0]!.code).toBe('low_contrast_text');
  });

  it('does not judge what one colour cannot stand for: busy backgrounds, outlined text, text fading in', () => {
    const noisy = frame([0, 0, 0], [0, 0, 0]);
    for (let i = 0; i < noisy.data.length; i += 4) noisy.data.set([(i * 37) % 256, (i * 91) % 256, (i * 53) % 256], i);
    expect(textLayerFindings({ frame: 1, signature: 's', texts: [layer({ color: [200, 200, 200, 1] })] }, noisy, size)).toEqual([]);
    const white = frame([255, 255, 255], [255, 255, 255]);
    expect(textLayerFindings({ frame: 1, signature: 's', texts: [layer({ color: [255, 255, 255, 1], outlined: true })] }, white, size)).toEqual([]);
    expect(textLayerFindings({ frame: 1, signature: 's', texts: [layer({ color: [255, 255, 255, 0.1] })] }, white, size)).toEqual([]);
  });

  it('heavy glyphs that outnumber their background do not read as text on itself', () => {
    const heavy = frame([255, 255, 255], [17, 24, 39]);
    // Two thirds of the box in the text colour.
    for (let y = 72; y < 108; y++) for (let x = 64; x < 256; x++) if (x % 3 !== 2) heavy.data.set([17, 24, 39, 255], (y * 320 + x) * 4);
    expect(textLayerFindings({ frame: 1, signature: 's', texts: [layer()] }, heavy, size)).toEqual([]);
  });

  it('says where text runs past the frame', () => {
    const off = (x: number, y = 288) => textLayerFindings({ frame: 1, signature: 's', texts: [layer({ x, y })] }, undefined, size);
    expect(off(256)).toEqual([]);
    expect(off(600)).toEqual([{ code: 'text_cut_off', message: 'text "Launch day" is cut off: it runs past the right edge by 88 px of the 1280×720 frame' }]);
    expect(off(-100, 650)[0]!.message).toBe('text "Launch day" is cut off: it runs past the left edge by 100 px and the bottom edge by 74 px of the 1280×720 frame');
    expect(off(1400)[0]!.message).toMatch(/is entirely outside the 1280×720 frame/);
    // A few pixels over is anti-aliasing or a glyph's overhang, not a cut.
    expect(off(515)).toEqual([]);
  });
});

const files = {
  'src/index.ts': "import {registerRoot} from 'remotion';\nimport {Root} from './Root';\nregisterRoot(Root);\n",
  'src/Root.tsx': [
    "import {Composition} from 'remotion';",
    "import {Title} from './scenes/Title';",
    'export const Root = () => <Composition id="Main" component={Title} durationInFrames={90} fps={30} width={1280} height={720} />;',
    '',
  ].join('\n'),
};
const title = (color: string, left = 0) =>
  `import {AbsoluteFill} from 'remotion';\nexport const Title = () => (\n  <AbsoluteFill style={{backgroundColor: '#ffffff', color: '${color}', left: ${left}}}>Launch day</AbsoluteFill>\n);\n`;

/** A model that fixes the title only from what the correction tells it (the finding's words). */
const fixFromFindings = (req: ModelRequest): ScriptedReply => {
  const said = req.contents.at(-1)!.parts.map((p) => p.text ?? '').join('\n');
  if (!/Automatic check/.test(said)) return { text: 'Done.' };
  const contrast = /text "Launch day" \(#[0-9a-f]{6}, \d+ px\) on #ffffff has contrast/.test(said);
  const cut = /text "Launch day" is cut off: it runs past the right edge/.test(said);
  return { calls: [{ name: 'read_file', args: { path: 'src/scenes/Title.tsx' } }], text: JSON.stringify({ contrast, cut }) };
};

describe('the Director fixes what the text layers show', () => {
  it('light grey text on white, and a title pushed past the right edge, are problems the model is told and fixes', async () => {
    const h = makeHarness({ files });
    h.ctx.stillRenderer = makeLayoutSwatchRenderer('src/scenes/Title.tsx');
    let told = { contrast: false, cut: false };
    const model = makeScriptedProvider([
      { calls: [{ name: 'create_component', args: { name: 'Title', kind: 'scene', code: title('#d1d5db', 400) } }] },
      { text: 'Done: a pale title card.' },
      (req) => {
        const reply = fixFromFindings(req);
        if (reply.text) told = JSON.parse(reply.text);
        return { calls: reply.calls ?? [] };
      },
      (req) => ({
        calls: [
          {
            name: 'atomic_edit',
            args: {
              path: 'src/scenes/Title.tsx',
              expectedHash: (lastFunctionResponse(req, 'read_file') as { output: { hash: string } }).output.hash,
              edits: [{ startLine: 3, endLine: 3, newText: `  <AbsoluteFill style={{backgroundColor: '#ffffff', color: '${told.contrast ? '#111827' : '#d1d5db'}', left: ${told.cut ? 0 : 400}}}>Launch day</AbsoluteFill>` }],
            },
          },
        ],
      }),
      { text: 'Darkened the title and brought it back inside the frame.' },
    ]);
    const turn = await turnWith(h, model, 'A pale title card saying Launch day');
    expect(told).toEqual({ contrast: true, cut: true });
    expect(turn.steps.filter((s) => s.name === 'auto_visual_check').map((s) => s.ok)).toEqual([false, true]);
    expect(turn.status).toBe('clean');
    const fixed = h.workspace.snapshot().get('src/scenes/Title.tsx')!;
    expect(fixed).toContain("color: '#111827'");
    expect(fixed).toContain('left: 0');
  });
});
