import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readRemotionProject, readRemotionZip, REMOTION_IMPORT_LIMITS } from '../../../src/core/project-import';

const svg = { sanitize: (text: string) => text };
const FIXTURES = path.resolve('tests/fixtures/remotion-projects');

/** A fixture folder as the entries a zip or a folder picker gives: relative paths to bytes, under `prefix`. */
function folderEntries(dir: string, prefix = ''): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(prefix + path.relative(dir, full).split(path.sep).join('/'), new Uint8Array(readFileSync(full)));
    }
  };
  walk(dir);
  return out;
}

const zipOf = (entries: Map<string, Uint8Array>) => zipSync(Object.fromEntries(entries) as Zippable);

describe('readRemotionZip', () => {
  it("reads Remotion's captions template zipped with its folder and node_modules: sources, public/ as assets, the entry, notes", () => {
    const entries = folderEntries(path.join(FIXTURES, 'template-tiktok'), 'template-tiktok/');
    entries.set('template-tiktok/node_modules/remotion/package.json', strToU8('{"name":"remotion"}'));
    entries.set('template-tiktok/public/sample-video.json', strToU8('[{"text":"Hi","startMs":0,"endMs":500}]'));
    const read = readRemotionZip('tiktok.zip', zipOf(entries), svg, 1000);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { bundle, entry, notes, dependencies } = read.value;
    expect(entry).toBe('src/index.ts');
    expect(bundle.project.name).toBe('template-tiktok');
    expect(bundle.files.map((f) => f.path)).toContain('src/CaptionedVideo/index.tsx');
    expect(bundle.files.map((f) => f.path).some((p) => p.includes('node_modules'))).toBe(false);
    expect(bundle.assets.map((a) => [a.name, a.type]).sort()).toEqual([
      ['sample-video.json', 'application/json'],
      ['sample-video.mp4', 'video/mp4'],
      ['theboldfont.ttf', 'font/ttf'],
    ]);
    expect(notes.join('\n')).toMatch(/remotion\.config\.ts is kept but not used/);
    expect(notes.join('\n')).toContain('Left out 4 files that are neither source nor media: FIXTURE.md, LICENSE.md, README.md, public/theboldfont-license.rtf.');
    // sub.mjs imports Whisper tooling and node:child_process, but nothing reaches it from the entry.
    expect(dependencies).toEqual([]);
  });

  it('lists packages the browser engine lacks: the server-rendered ones and the unsupported ones, with the files that import them', () => {
    const entries = folderEntries(path.join(FIXTURES, 'template-helloworld'));
    entries.set('src/index.ts', strToU8('import { registerRoot } from "remotion";\nimport { RemotionRoot } from "./Root";\nimport "./Scene3d";\nregisterRoot(RemotionRoot);\n'));
    entries.set('src/Scene3d.tsx', strToU8('import { ThreeCanvas } from "@remotion/three";\nimport * as THREE from "three";\nimport debounce from "lodash/debounce";\nexport const X = 1;\n'));
    const read = readRemotionZip('hello.zip', zipOf(entries), svg);
    expect(read.ok && read.value.dependencies.map((d) => [d.name, d.support, d.importedFrom])).toEqual([
      ['@remotion/three', 'server', ['src/Scene3d.tsx']],
      ['lodash', 'unsupported', ['src/Scene3d.tsx']],
      ['three', 'server', ['src/Scene3d.tsx']],
    ]);
    expect(read.ok && read.value.dependencies[2]!.message).toBe('uses `three` (3D scenes (Three.js), in src/Scene3d.tsx) — not available in the browser engine; the server render handles it.');
    expect(read.ok && read.value.dependencies[1]!.message).toBe('uses `lodash` (in src/Scene3d.tsx) — not supported in Director.');
  });

  it("finds the entry the config names with Config.setEntryPoint, as the Remotion CLI does", () => {
    const entries = new Map([
      ['package.json', strToU8('{"name":"custom-entry"}')],
      ['remotion.config.ts', strToU8('import { Config } from "@remotion/cli/config";\nConfig.setEntryPoint("./src/entry.tsx");\n')],
      ['src/index.ts', strToU8('export const notTheEntry = true;\n')],
      ['src/entry.tsx', strToU8('import { registerRoot } from "remotion";\nregisterRoot(() => null);\n')],
    ]);
    const read = readRemotionZip('custom.zip', zipOf(entries), svg);
    expect(read.ok && read.value.entry).toBe('src/entry.tsx');
  });

  it('refuses what is not a project zip, each with one sentence', () => {
    expect(readRemotionZip('a.zip', strToU8('hello'), svg)).toMatchObject({ ok: false, code: 'not_a_zip' });
    const noProject = readRemotionZip('photos.zip', zipOf(new Map([['a.txt', strToU8('x')]])), svg);
    expect(noProject).toMatchObject({ ok: false, code: 'no_project' });
    expect(!noProject.ok && noProject.message).toMatch(/^“photos\.zip” is not a Remotion project: it has no package\.json or src\/ folder\./);
    const noEntry = readRemotionZip('p.zip', zipOf(new Map([['package.json', strToU8('{}')], ['src/Video.tsx', strToU8('export const V = 1;')]])), svg);
    expect(noEntry).toMatchObject({ ok: false, code: 'no_entry' });
  });

  it('refuses unsafe names, media that is not what it says, and zip bombs, before writing anything', () => {
    const evil = readRemotionZip('evil.zip', zipOf(new Map([['package.json', strToU8('{}')], ['../../etc/passwd', strToU8('x')]])), svg);
    expect(evil).toMatchObject({ ok: false, code: 'unsafe_entry' });
    const fake = readRemotionZip('fake.zip', zipOf(new Map([['package.json', strToU8('{}')], ['src/index.ts', strToU8('registerRoot(R)')], ['public/logo.png', strToU8('<script>alert(1)</script>')]])), svg);
    expect(fake).toMatchObject({ ok: false, code: 'wrong_type' });
    expect(!fake.ok && fake.message).toMatch(/public|logo\.png/);
    const zeros = new Uint8Array(3 * 1024 * 1024);
    const bomb = readRemotionZip('bomb.zip', zipSync({ 'package.json': strToU8('{}'), 'src/index.ts': zeros }, { level: 9 }), svg, 0, { ...REMOTION_IMPORT_LIMITS, maxCompressionRatio: 10 });
    expect(bomb).toMatchObject({ ok: false, code: 'zip_bomb' });
    const many = readRemotionZip('many.zip', zipOf(new Map(Array.from({ length: 30 }, (_, i) => [`src/f${i}.ts`, strToU8('x')] as const))), svg, 0, { ...REMOTION_IMPORT_LIMITS, maxEntries: 20 });
    expect(many).toMatchObject({ ok: false, code: 'too_many_entries' });
  });
});

describe('readRemotionProject (a folder chosen or dropped)', () => {
  it('reads a folder whose files come with the folder name first, like a directory picker gives them', () => {
    const read = readRemotionProject('“compat-apis”', folderEntries(path.join(FIXTURES, 'compat-apis'), 'compat-apis/'), svg);
    expect(read.ok && read.value.entry).toBe('src/index.ts');
    // public/ as it is, including a remote image saved into the project earlier.
    expect(read.ok && read.value.bundle.assets.map((a) => a.name)).toEqual(['clip.mp4', 'remote/images.example.com/saved/logo.png']);
    expect(read.ok && read.value.dependencies).toEqual([]);
  });
});
