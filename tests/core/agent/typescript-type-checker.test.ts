import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { makeTypeScriptTypeChecker } from '../../../src/core/agent/checks/typescript-type-checker';
import { templateById } from '../../../src/core/templates';

const require = createRequire(import.meta.url);
const libDirectory = dirname(require.resolve('typescript/lib/lib.d.ts'));

/** Node stands in for the worker's bundled .d.ts files: the repo's node_modules has the vendored packages' types. */
const checkTypes = makeTypeScriptTypeChecker({
  ts,
  projectRoot: join(process.cwd(), '__virtual_project__'),
  library: {
    libDirectory,
    fileExists: (p) => existsSync(p) && statSync(p).isFile(),
    readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined),
    directoryExists: (p) => existsSync(p) && statSync(p).isDirectory(),
  },
});

describe('makeTypeScriptTypeChecker (real compiler, vendored types)', () => {
  it('passes a template and reports a prop type error at file:line:col', async () => {
    const files = new Map(Object.entries(templateById('explainer')!.files({ name: 'T', width: 1920, height: 1080, fps: 30 })));
    expect(await checkTypes({ files, assetNames: new Set() })).toEqual([]);
    files.set('src/scenes/Summary.tsx', files.get('src/scenes/Summary.tsx')!.replace('const pop = spring({frame, fps, config: {damping: 12}});', "const pop = spring({frame, fps, config: {damping: '12'}});"));
    const errors = await checkTypes({ files, assetNames: new Set() });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'src/scenes/Summary.tsx', line: 7, severity: 'error' });
    expect(errors[0]!.message).toMatch(/^TS2322: Type 'string' is not assignable to type 'number'/);
  }, 120_000);
});
