import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { makeTypeScriptTypeChecker } from '../../../src/core/agent/checks/typescript-type-checker';

const require = createRequire(import.meta.url);

/** The real TypeScript checker in Node: the repo's node_modules stands in for the worker's bundled .d.ts files. */
export function makeNodeTypeChecker() {
  return makeTypeScriptTypeChecker({
    ts,
    projectRoot: join(process.cwd(), '__virtual_project__'),
    library: {
      libDirectory: dirname(require.resolve('typescript/lib/lib.d.ts')),
      fileExists: (p) => existsSync(p) && statSync(p).isFile(),
      readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined),
      directoryExists: (p) => existsSync(p) && statSync(p).isDirectory(),
    },
  });
}
