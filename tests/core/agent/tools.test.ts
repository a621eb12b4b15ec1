import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeScriptedProvider } from '../../../src/core/agent/provider/scripted-provider';
import { applyLineEdits } from '../../../src/core/agent/tools/atomic-edit';
import { contentHash } from '../../../src/core/agent/workspace/content-hash';
import { templateById } from '../../../src/core/templates';
import { buildChecker, clickTrackWav, makeHarness, registry } from './harness';

vi.setConfig({ testTimeout: 30_000 });
beforeAll(() => buildChecker.check({ files: new Map([['src/index.ts', 'export {};']]), assetNames: new Set() }), 60_000);
afterAll(() => buildChecker.dispose());

const explainer = templateById('explainer')!.files({ name: 'Coffee', width: 1920, height: 1080, fps: 30 });

/** Validates like the loop does, then runs. */
async function call(h: ReturnType<typeof makeHarness>, name: string, args: unknown) {
  const v = registry.validate(name, args);
  if (!v.ok) return { ok: false as const, code: v.code, message: v.message };
  return v.tool.run(v.args, h.ctx);
}

describe('tool declarations (Gemini functionDeclarations)', () => {
  const ALLOWED = new Set(['type', 'description', 'enum', 'properties', 'required', 'items', 'nullable', 'minimum', 'maximum', 'minItems', 'maxItems', 'minLength', 'maxLength', 'propertyOrdering']);
  const walk = (schema: Record<string, unknown>, path: string): string[] => {
    const bad = Object.keys(schema).filter((k) => !ALLOWED.has(k)).map((k) => `${path}.${k}`);
    if (!/^(OBJECT|STRING|NUMBER|INTEGER|BOOLEAN|ARRAY)$/.test(String(schema.type))) bad.push(`${path}.type=${String(schema.type)}`);
    for (const [k, v] of Object.entries((schema.properties as Record<string, Record<string, unknown>>) ?? {})) bad.push(...walk(v, `${path}.${k}`));
    if (schema.items) bad.push(...walk(schema.items as Record<string, unknown>, `${path}[]`));
    return bad;
  };

  it('declares all 17 tools with OpenAPI-subset schemas only', () => {
    const decls = registry.declarations();
    expect(decls.map((d) => d.name)).toEqual([
      'scaffold_project', 'manage_dependencies', 'map_project', 'read_file', 'atomic_edit', 'atomic_multi_edit', 'create_component', 'delete_file', 'run_build_check',
      'run_preview', 'visual_frame_inspection', 'audio_spectrum_analysis', 'generate_svg_asset', 'ai_image_proxy', 'save_version', 'restore_version', 'set_project_style',
    ]);
    for (const d of decls) {
      expect(d.description.length).toBeGreaterThan(20);
      expect(d.parameters.type).toBe('OBJECT');
      expect(walk(d.parameters as unknown as Record<string, unknown>, d.name)).toEqual([]);
    }
    const scaffold = decls[0]!.parameters;
    expect(scaffold.required).toEqual(['template', 'name']);
    expect(scaffold.properties!.template!.enum).toEqual(['basic', 'product-showcase', 'explainer', 'beat-montage', 'scenes']);
    const edit = decls.find((d) => d.name === 'atomic_edit')!.parameters;
    expect(edit.properties!.edits!.items!.properties!.startLine!.type).toBe('INTEGER');
    expect(JSON.parse(JSON.stringify(decls))).toEqual(decls); // plain JSON, ready for the wire
  });

  it('reports invalid arguments with the field path, for the model to read', () => {
    const r = registry.validate('atomic_edit', { path: 'src/Root.tsx', expectedHash: 'abc', edits: [{ startLine: '3', endLine: 4 }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('invalid_arguments');
    expect(r.message).toMatch(/edits\[0\]\.startLine: .*number/);
    expect(r.message).toMatch(/edits\[0\]\.newText/);
    expect(registry.validate('scaffold_project', { template: 'explainer', name: 'X', width: 1921 })).toMatchObject({ ok: false, message: expect.stringMatching(/width: must be even/) });
    expect(registry.validate('paint_it', {})).toMatchObject({ ok: false, code: 'unknown_tool' });
    expect(registry.validate('scaffold_project', { template: 'explainer', name: 'X' })).toMatchObject({ ok: true, args: { fps: 30, width: 1920, height: 1080, replace: false } });
  });
});

describe('project tools', () => {
  it('scaffold_project writes a template with package.json and settings, and refuses a non-empty project', async () => {
    const h = makeHarness();
    const r = await call(h, 'scaffold_project', { template: 'explainer', name: 'Coffee app', fps: 25, width: 1080, height: 1920 });
    expect(r).toMatchObject({ ok: true });
    const snap = h.workspace.snapshot();
    expect([...snap.keys()].sort()).toContain('src/Root.tsx');
    expect(JSON.parse(snap.get('package.json')!).dependencies.remotion).toBe('4.0.527');
    expect(snap.get('src/Root.tsx')).toContain('fps={25}');
    expect(await h.workspace.settings()).toEqual({ name: 'Coffee app', fps: 25, width: 1080, height: 1920 });
    expect(await call(h, 'scaffold_project', { template: 'basic', name: 'Again' })).toMatchObject({ ok: false, code: 'project_not_empty' });
    const replaced = await call(h, 'scaffold_project', { template: 'basic', name: 'Again', replace: true });
    expect(replaced).toMatchObject({ ok: true });
    expect(h.workspace.snapshot().has('src/Explainer.tsx')).toBe(false);
  });

  it('manage_dependencies adds vendored packages and refuses others clearly', async () => {
    const h = makeHarness({ files: explainer });
    expect(await call(h, 'manage_dependencies', { action: 'add', packages: ['@remotion/noise@4.0.0', '@remotion/paths/evolve'] })).toMatchObject({ ok: true, output: { dependencies: { '@remotion/noise': '4.0.527', '@remotion/paths': '4.0.527' } } });
    const refused = await call(h, 'manage_dependencies', { action: 'add', packages: ['gsap', '@remotion/shapes'] });
    expect(refused).toMatchObject({ ok: false, code: 'package_not_available' });
    expect(refused.ok === false && refused.message).toMatch(/gsap.*Available|fixed package set: react/);
    expect(JSON.parse(h.workspace.snapshot().get('package.json')!).dependencies.gsap).toBeUndefined();
    expect(await call(h, 'manage_dependencies', { action: 'remove', packages: ['@remotion/shapes'] })).toMatchObject({ ok: false, code: 'package_in_use', message: expect.stringContaining('src/scenes/Step.tsx') });
    expect(await call(h, 'manage_dependencies', { action: 'remove', packages: ['@remotion/noise'] })).toMatchObject({ ok: true });
  });

  it('map_project reports compositions, schema fields, components and props from the parser', async () => {
    const h = makeHarness({ files: explainer });
    const r = await call(h, 'map_project', {});
    if (!r.ok) throw new Error(r.message);
    const out = r.output as { compositions: any[]; files: any[] };
    expect(out.compositions).toHaveLength(1);
    const comp = out.compositions[0];
    expect(comp).toMatchObject({ kind: 'Composition', id: 'Explainer', component: 'Explainer', fps: 30, width: 1920, height: 1080, file: 'src/Root.tsx' });
    expect(comp.schema.fields.map((f: any) => f.name)).toEqual(['title', 'steps', 'summary', 'background', 'accent']);
    expect(comp.defaultProps).toMatchObject({ title: 'Coffee', background: '#111827', steps: [{ heading: 'Describe it', icon: 'star' }, {}, {}] });
    const step = out.files.find((f: any) => f.path === 'src/scenes/Step.tsx');
    expect(step.components[0].props).toContain("icon: 'star' | 'triangle' | 'circle'");
    const explainerFile = out.files.find((f: any) => f.path === 'src/Explainer.tsx');
    expect(explainerFile.components[0]).toMatchObject({ name: 'Explainer', propsType: 'ExplainerProps' });
    expect(explainerFile.exports).toContain('const explainerSchema');
  });

  it('read_file numbers lines and returns the hash; unknown files list what exists', async () => {
    const h = makeHarness({ files: { 'src/a.ts': 'one\ntwo\nthree' } });
    expect(await call(h, 'read_file', { path: './src/a.ts', startLine: 2 })).toMatchObject({ ok: true, output: { hash: contentHash('one\ntwo\nthree'), totalLines: 3, content: '2| two\n3| three' } });
    expect(await call(h, 'read_file', { path: 'src/b.ts' })).toMatchObject({ ok: false, code: 'file_not_found', message: expect.stringContaining('src/a.ts') });
    expect(await call(h, 'read_file', { path: '../etc/passwd' })).toMatchObject({ ok: false, code: 'invalid_path' });
  });
});

describe('atomic_edit', () => {
  it('applies several line-range edits against the original numbering', () => {
    const r = applyLineEdits('a\nb\nc\nd\ne', [
      { startLine: 4, endLine: 4, newText: 'D1\nD2' },
      { startLine: 1, endLine: 2, newText: 'AB' },
      { startLine: 6, endLine: 5, newText: 'f' },
    ]);
    expect(r).toMatchObject({ ok: true, content: 'AB\nc\nD1\nD2\ne\nf' });
    expect(applyLineEdits('a\nb', [{ startLine: 1, endLine: 2, newText: 'x' }, { startLine: 2, endLine: 2, newText: 'y' }])).toMatchObject({ ok: false, message: expect.stringMatching(/overlap/) });
    expect(applyLineEdits('a', [{ startLine: 1, endLine: 3, newText: 'x' }])).toMatchObject({ ok: false, message: expect.stringMatching(/past the end/) });
  });

  it('refuses, writing nothing, when the file changed under it', async () => {
    const h = makeHarness({ files: { 'src/a.ts': 'const a = 1;\n' } });
    const hash = contentHash('const a = 1;\n');
    h.workspace.externalWrite('src/a.ts', 'const a = 2;\n');
    const r = await call(h, 'atomic_edit', { path: 'src/a.ts', expectedHash: hash, edits: [{ startLine: 1, endLine: 1, newText: 'const a = 3;' }] });
    expect(r).toMatchObject({ ok: false, code: 'file_changed', message: expect.stringContaining('read_file again') });
    expect(h.workspace.snapshot().get('src/a.ts')).toBe('const a = 2;\n');
    const ok = await call(h, 'atomic_edit', { path: 'src/a.ts', expectedHash: contentHash('const a = 2;\n'), edits: [{ startLine: 1, endLine: 1, newText: 'const a = 3;' }] });
    expect(ok).toMatchObject({ ok: true, changedFiles: ['src/a.ts'], output: { hash: contentHash('const a = 3;\n') } });
  });

  it('creates a plain file with expectedHash "new" and never overwrites one', async () => {
    const h = makeHarness({ files: { 'src/a.ts': 'x' } });
    expect(await call(h, 'atomic_edit', { path: 'src/theme.ts', expectedHash: 'new', edits: [{ startLine: 1, endLine: 0, newText: "export const accent = '#f59e0b';" }] })).toMatchObject({ ok: true });
    expect(h.workspace.snapshot().get('src/theme.ts')).toBe("export const accent = '#f59e0b';");
    expect(await call(h, 'atomic_edit', { path: 'src/a.ts', expectedHash: 'new', edits: [{ startLine: 1, endLine: 0, newText: 'y' }] })).toMatchObject({ ok: false, code: 'already_exists' });
  });
});

describe('atomic_multi_edit', () => {
  const files = { 'src/Badge.tsx': 'export const Badge = (p: {label: string}) => p.label;\n', 'src/Root.tsx': "import {Badge} from './Badge';\nexport const x = Badge({label: 'hi'});\n" };
  const rename = (badgeHash: string, rootHash: string) => ({
    files: [
      { path: 'src/Badge.tsx', expectedHash: badgeHash, edits: [{ startLine: 1, endLine: 1, newText: 'export const Badge = (p: {text: string}) => p.text;' }] },
      { path: 'src/Root.tsx', expectedHash: rootHash, edits: [{ startLine: 2, endLine: 2, newText: "export const x = Badge({text: 'hi'});" }] },
      { path: 'src/labels.ts', expectedHash: 'new', edits: [{ startLine: 1, endLine: 0, newText: "export const hi = 'hi';" }] },
    ],
  });

  it('writes edits across files in one batch and returns each new hash', async () => {
    const h = makeHarness({ files });
    const batches: number[] = [];
    const apply = h.workspace.applyChanges.bind(h.workspace);
    h.workspace.applyChanges = (changes) => (batches.push(changes.length), apply(changes));
    const r = await call(h, 'atomic_multi_edit', rename(contentHash(files['src/Badge.tsx']), contentHash(files['src/Root.tsx'])));
    expect(r).toMatchObject({ ok: true, changedFiles: ['src/Badge.tsx', 'src/Root.tsx', 'src/labels.ts'] });
    expect(batches).toEqual([3]);
    const snap = h.workspace.snapshot();
    expect(snap.get('src/Root.tsx')).toBe("import {Badge} from './Badge';\nexport const x = Badge({text: 'hi'});\n");
    expect(r.ok && (r.output as { files: { path: string; hash: string }[] }).files.map((f) => f.hash)).toEqual(['src/Badge.tsx', 'src/Root.tsx', 'src/labels.ts'].map((p) => contentHash(snap.get(p)!)));
  });

  it('writes nothing when one file is stale, one edit is invalid, or a path repeats', async () => {
    const h = makeHarness({ files });
    const stale = await call(h, 'atomic_multi_edit', rename(contentHash(files['src/Badge.tsx']), 'stale0000000000'));
    expect(stale).toMatchObject({ ok: false, code: 'file_changed', message: expect.stringMatching(/^src\/Root\.tsx changed since you read it[\s\S]*Nothing was written/) });
    const bad = rename(contentHash(files['src/Badge.tsx']), contentHash(files['src/Root.tsx']));
    bad.files[1]!.edits[0]!.endLine = 9;
    expect(await call(h, 'atomic_multi_edit', bad)).toMatchObject({ ok: false, code: 'invalid_edit', message: expect.stringMatching(/src\/Root\.tsx: edit 1: endLine 9 is past the end/) });
    const twice = rename(contentHash(files['src/Badge.tsx']), contentHash(files['src/Root.tsx']));
    twice.files[2] = { ...twice.files[0]! };
    expect(await call(h, 'atomic_multi_edit', twice)).toMatchObject({ ok: false, code: 'duplicate_path' });
    expect(h.workspace.snapshot()).toEqual(new Map(Object.entries(files)));
  });

  it('writes nothing when a file changes between the hash check and the write', async () => {
    const h = makeHarness({ files });
    const read = h.workspace.readFile.bind(h.workspace);
    // Another tab edits Badge.tsx right after the tool has checked Root.tsx's hash.
    h.workspace.readFile = async (path) => {
      const f = await read(path);
      if (path === 'src/Root.tsx') h.workspace.externalWrite('src/Badge.tsx', '// edited elsewhere\n');
      return f;
    };
    const r = await call(h, 'atomic_multi_edit', rename(contentHash(files['src/Badge.tsx']), contentHash(files['src/Root.tsx'])));
    expect(r).toMatchObject({ ok: false, code: 'file_changed' });
    expect(h.workspace.snapshot()).toEqual(new Map(Object.entries({ ...files, 'src/Badge.tsx': '// edited elsewhere\n' })));
  });
});

describe('create_component and delete_file', () => {
  const code = "import {AbsoluteFill} from 'remotion';\nexport const Badge: React.FC<{label: string; color?: string}> = ({label}) => <AbsoluteFill>{label}</AbsoluteFill>;\n";

  it('puts each kind in its folder after checking syntax and the export', async () => {
    const h = makeHarness({ files: explainer });
    expect(await call(h, 'create_component', { name: 'Badge', kind: 'overlay', code })).toMatchObject({ ok: true, output: { path: 'src/overlays/Badge.tsx', props: ['label: string', 'color?: string'] } });
    expect(await call(h, 'create_component', { name: 'Badge', kind: 'overlay', code })).toMatchObject({ ok: false, code: 'already_exists' });
    expect(await call(h, 'create_component', { name: 'Other', kind: 'scene', code })).toMatchObject({ ok: false, code: 'missing_export' });
    expect(await call(h, 'create_component', { name: 'Broken', kind: 'element', code: 'export const Broken = () => <div>{</div>;\n' })).toMatchObject({ ok: false, code: 'syntax_error' });
    expect(await call(h, 'create_component', { name: 'badge', kind: 'element', code })).toMatchObject({ ok: false, code: 'invalid_arguments' });
  });

  it('refuses to delete the entry point or an imported file unless forced', async () => {
    const h = makeHarness({ files: explainer });
    expect(await call(h, 'delete_file', { path: 'src/index.ts' })).toMatchObject({ ok: false, code: 'entry_point' });
    expect(await call(h, 'delete_file', { path: 'src/components/ProgressBar.tsx' })).toMatchObject({ ok: false, code: 'file_in_use', message: expect.stringContaining('src/Explainer.tsx') });
    expect(await call(h, 'delete_file', { path: 'src/components/ProgressBar.tsx', force: true })).toMatchObject({ ok: true });
    expect(h.workspace.snapshot().has('src/components/ProgressBar.tsx')).toBe(false);
  });
});

describe('check tools', () => {
  it('run_build_check returns file:line:col errors from the real bundler', async () => {
    const h = makeHarness({ files: explainer });
    expect(await call(h, 'run_build_check', {})).toMatchObject({ ok: true, check: { kind: 'build', clean: true } });
    h.workspace.externalWrite('src/scenes/Summary.tsx', explainer['src/scenes/Summary.tsx']!.replace("from 'remotion';", "from 'remotion';\nimport {gsap} from 'gsap';") + 'export const timeline = gsap;\n');
    const r = await call(h, 'run_build_check', {});
    expect(r).toMatchObject({ ok: true, check: { kind: 'build', clean: false } });
    expect(r.ok && (r.output as any).bundleErrors[0]).toMatch(/^src\/scenes\/Summary\.tsx:2:\d+ Package "gsap" is not available/);
  });

  it('run_preview reports runtime errors with the frame', async () => {
    const h = makeHarness({ files: { ...explainer, 'src/scenes/Summary.tsx': explainer['src/scenes/Summary.tsx']!.replace('const frame = useCurrentFrame();', "const frame = useCurrentFrame();\n  if (frame > 10) throw new Error('text is undefined');") } });
    const r = await call(h, 'run_preview', { frames: [0, 45] });
    expect(r).toMatchObject({ ok: true, check: { kind: 'runtime', clean: false, problems: ['frame 0: text is undefined (in at src/scenes/Summary.tsx)'] } });
    expect(r.ok && (r.output as any).compositions[0]).toMatchObject({ id: 'Explainer', fps: 30 });
  });

  it('visual_frame_inspection sends the still to the vision model and returns its verdict', async () => {
    const h = makeHarness({ files: explainer, helper: [{ text: '{"verdict":"fail","answer":"The title touches the right edge."}' }] });
    const r = await call(h, 'visual_frame_inspection', { frame: 30, question: 'Is the title fully visible?' });
    expect(r).toMatchObject({ ok: true, output: { verdict: 'fail', answer: 'The title touches the right edge.' }, check: { kind: 'visual', clean: false } });
    const sent = (h.ctx.helperModel as ReturnType<typeof makeScriptedProvider>).requests[0]!;
    expect(sent.contents[0]!.parts[0]!.inlineData!.mimeType).toBe('image/png');
    expect(sent.responseMimeType).toBe('application/json');
    expect(h.stills.requests).toEqual([30]);
    expect(await call(h, 'visual_frame_inspection', { frame: 99999, question: 'Anything?' })).toMatchObject({ ok: false, code: 'frame_out_of_range' });
  });

  it('audio_spectrum_analysis runs the real beat tracker on a WAV asset', async () => {
    const h = makeHarness({ files: explainer, assets: [{ name: 'music.wav', mimeType: 'audio/wav', bytes: clickTrackWav(120, 8) }] });
    const r = await call(h, 'audio_spectrum_analysis', { asset: 'music.wav' });
    if (!r.ok) throw new Error(r.message);
    const out = r.output as { bpm: number; beatFrames: number[]; energy: { values: number[] } };
    expect(out.bpm).toBeGreaterThan(115);
    expect(out.bpm).toBeLessThan(125);
    // 120 bpm at 30 fps: a beat every 15 frames.
    const gaps = out.beatFrames.slice(1).map((f, i) => f - out.beatFrames[i]!);
    expect(gaps.every((g) => Math.abs(g - 15) <= 1)).toBe(true);
    expect(out.energy.values.length).toBeGreaterThan(4);
    // "Cut twice as often": the half-beats join the grid, a cut every 7-8 frames.
    const doubled = await call(h, 'audio_spectrum_analysis', { asset: 'music.wav', level: 'double' });
    if (!doubled.ok) throw new Error(doubled.message);
    const fast = doubled.output as { bpm: number; beatFrames: number[] };
    expect(fast.bpm).toBeGreaterThan(230);
    expect(fast.bpm).toBeLessThan(250);
    expect(fast.beatFrames.slice(1).map((f, i) => f - fast.beatFrames[i]!).every((g) => g >= 7 && g <= 8)).toBe(true);
    expect(await call(h, 'audio_spectrum_analysis', { asset: 'music.wav', level: 'slower' })).toMatchObject({ ok: false });
    expect(await call(h, 'audio_spectrum_analysis', { asset: 'nope.mp3' })).toMatchObject({ ok: false, code: 'asset_not_found', message: expect.stringContaining('music.wav') });
  });
});

describe('asset tools', () => {
  it('generate_svg_asset sanitizes the model SVG before storing it', async () => {
    const svg = '<svg viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><circle r="4" fill="#f59e0b"/><a href="https://evil.example/">x</a></svg>';
    const h = makeHarness({ helper: [{ text: `Here you go:\n\`\`\`svg\n${svg}\n\`\`\`` }] });
    const r = await call(h, 'generate_svg_asset', { name: 'Coffee Cup', description: 'a coffee cup' });
    expect(r).toMatchObject({ ok: true, output: { asset: 'coffee-cup.svg' } });
    const stored = new TextDecoder().decode((await h.workspace.readAsset('coffee-cup.svg'))!.bytes);
    expect(stored).toContain('<circle');
    expect(stored).not.toMatch(/script|onload|evil/);
    const h2 = makeHarness({ helper: [{ text: 'I cannot draw that.' }] });
    expect(await call(h2, 'generate_svg_asset', { name: 'x', description: 'nothing' })).toMatchObject({ ok: false, code: 'no_svg' });
  });

  it('ai_image_proxy stores the generated image as an asset', async () => {
    const h = makeHarness();
    expect(await call(h, 'ai_image_proxy', { name: 'Hero BG', prompt: 'warm coffee shop at dawn', aspectRatio: '9:16' })).toMatchObject({ ok: true, output: { asset: 'hero-bg.png', mimeType: 'image/png' } });
    expect(h.images.requests).toEqual([{ prompt: 'warm coffee shop at dawn', aspectRatio: '9:16' }]);
    expect(await call(h, 'ai_image_proxy', { name: 'x', prompt: 'x y z', aspectRatio: '5:4' })).toMatchObject({ ok: false, code: 'invalid_arguments' });
  });
});

describe('versions and style', () => {
  it('save_version and restore_version (which saves the current state first)', async () => {
    const h = makeHarness({ files: { 'src/a.ts': 'one' } });
    const saved = await call(h, 'save_version', { label: 'first' });
    const id = saved.ok ? (saved.output as any).versionId : '';
    h.workspace.externalWrite('src/a.ts', 'two');
    h.workspace.externalWrite('src/b.ts', 'new');
    expect(await call(h, 'restore_version', {})).toMatchObject({ ok: true, output: { versions: [{ versionId: id, label: 'first' }] } });
    const r = await call(h, 'restore_version', { versionId: id });
    expect(r).toMatchObject({ ok: true, changedFiles: ['src/a.ts', 'src/b.ts'] });
    expect(h.workspace.snapshot()).toEqual(new Map([['src/a.ts', 'one']]));
    const versions = await h.workspace.listVersions();
    expect(versions[0]!.label).toBe('Before restoring "first"');
    expect(await call(h, 'restore_version', { versionId: 'v99' })).toMatchObject({ ok: false, code: 'version_not_found' });
  });

  it('set_project_style merges decisions and validates colours', async () => {
    const h = makeHarness();
    await call(h, 'set_project_style', { palette: { background: '#1c1917', accent: '#f59e0b' }, fonts: { heading: 'Playfair Display' }, mood: 'warm, upbeat' });
    expect(await call(h, 'set_project_style', { palette: { accent: '#ea580c' } })).toMatchObject({ ok: true });
    expect(await h.workspace.getStyle()).toEqual({ palette: { background: '#1c1917', accent: '#ea580c' }, fonts: { heading: 'Playfair Display' }, mood: 'warm, upbeat' });
    expect(await call(h, 'set_project_style', { palette: { accent: 'orange' } })).toMatchObject({ ok: false, code: 'invalid_arguments', message: expect.stringContaining('palette.accent') });
  });
});
