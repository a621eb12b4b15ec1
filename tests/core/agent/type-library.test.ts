import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectTypeLibrary } from '../../../src/core/agent/checks/collect-type-library';
import { stripDeclarationComments } from '../../../src/core/agent/checks/strip-declaration-comments';
import { TYPE_LIBRARY_ROOTS, typeLibraryFromBundle, type TypeLibraryBundle } from '../../../src/core/agent/checks/type-library';
import { makeTypeScriptTypeChecker } from '../../../src/core/agent/checks/typescript-type-checker';
import { VENDORED_SPECIFIERS } from '../../../src/core/bundler/vendored-packages';
import { TEMPLATES, templateById } from '../../../src/core/templates';

const require = createRequire(import.meta.url);

let bundle: TypeLibraryBundle;
let checkTypes: ReturnType<typeof makeTypeScriptTypeChecker>;

/** The library as the worker gets it: collected from node_modules, then only the bundle, no file system. */
beforeAll(() => {
  const start = performance.now();
  bundle = collectTypeLibrary({
    ts,
    packagesRoot: process.cwd(),
    libDirectory: dirname(require.resolve('typescript/lib/lib.d.ts')),
    readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined),
    fileExists: (p) => existsSync(p) && statSync(p).isFile(),
    directoryExists: (p) => existsSync(p) && statSync(p).isDirectory(),
    specifiers: VENDORED_SPECIFIERS,
    sampleFontSpecifier: '@remotion/google-fonts/Inter',
  });
  const json = JSON.stringify(bundle);
  console.log(`type library: ${Object.keys(bundle.files).length} files, ${(json.length / 1e6).toFixed(2)} MB, ${(gzipSync(json).length / 1e6).toFixed(2)} MB gzipped, collected in ${Math.round(performance.now() - start)} ms`);
  checkTypes = makeTypeScriptTypeChecker({ ts, library: typeLibraryFromBundle(JSON.parse(json)), projectRoot: TYPE_LIBRARY_ROOTS.project });
}, 120_000);

const templateFiles = (id: string) => new Map(Object.entries(templateById(id)!.files({ name: 'T', width: 1920, height: 1080, fps: 30 })));
const check = (files: Map<string, string>) => checkTypes({ files, assetNames: new Set() });

describe('collectTypeLibrary', () => {
  it('holds the lib files and the vendored types, at virtual paths, without per-font declarations', () => {
    const paths = Object.keys(bundle.files);
    expect(bundle.typescriptVersion).toBe(ts.version);
    expect(paths).toContain('/typescript/lib/lib.es2022.d.ts');
    expect(paths).toContain('/typescript/lib/lib.dom.d.ts');
    expect(paths).toContain('/node_modules/@types/react/index.d.ts');
    expect(paths.some((p) => p.startsWith('/node_modules/remotion/'))).toBe(true);
    expect(paths.every((p) => p.startsWith('/typescript/lib/') || p.startsWith('/node_modules/'))).toBe(true);
    expect(paths.filter((p) => p.startsWith('/node_modules/@remotion/google-fonts/')).every((p) => p.endsWith('package.json'))).toBe(true);
    expect(JSON.parse(bundle.files['/node_modules/remotion/package.json']!)).not.toHaveProperty('scripts');
  });

  it('type-checks every template clean from the bundle alone', async () => {
    for (const template of TEMPLATES) expect(await check(templateFiles(template.id)), template.id).toEqual([]);
  }, 120_000);

  it('reports a prop type error at file:line', async () => {
    const files = templateFiles('explainer');
    files.set('src/scenes/Summary.tsx', files.get('src/scenes/Summary.tsx')!.replace('config: {damping: 12}', "config: {damping: '12'}"));
    const errors = await check(files);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'src/scenes/Summary.tsx', line: 7 });
    expect(errors[0]!.message).toMatch(/^TS2322: Type 'string' is not assignable to type 'number'/);
  });

  it('types any @remotion/google-fonts/<Font> as the runtime shim has it', async () => {
    const files = new Map([
      ['src/Title.tsx', "import {loadFont} from '@remotion/google-fonts/PlayfairDisplay';\nconst {fontFamily} = loadFont('normal', {weights: ['400']});\nexport const Title = () => <h1 style={{fontFamily}}>Hi</h1>;\n"],
    ]);
    expect(await check(files)).toEqual([]);
    files.set('src/Title.tsx', "import {loadVariableFont} from '@remotion/google-fonts/Inter';\nexport const f = loadVariableFont;\n");
    expect((await check(files))[0]).toMatchObject({ file: 'src/Title.tsx', line: 1 });
  });
});

describe('stripDeclarationComments', () => {
  it('drops comments and indentation, keeps directives, strings and token boundaries', () => {
    const text = '/// <reference lib="es2015" />\n/** Doc. */\ninterface A {\n    // note\n    x: number/* c */; y: "a // b";\n}\ndeclare const z: A/**/|B; // tail\n';
    expect(stripDeclarationComments(ts, 'a.d.ts', text)).toBe('/// <reference lib="es2015" />\ninterface A {\nx: number ; y: "a // b";\n}\ndeclare const z: A |B;');
  });

  it('keeps indentation when a literal spans lines', () => {
    const text = 'declare const s: `a\n  b`; // x\n';
    expect(stripDeclarationComments(ts, 'a.d.ts', text)).toBe('declare const s: `a\n  b`;  \n');
  });
});
