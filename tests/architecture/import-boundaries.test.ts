import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findBoundaryViolations, formatViolation } from '../../scripts/check-import-boundaries.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const CORE_TSCONFIG = path.join(ROOT, 'src', 'core', 'tsconfig.json');

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway tree: { 'src/core/a.ts': 'import …' }. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'director-layers-'));
  scratch.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

function tsc(project: string) {
  const result = spawnSync(process.execPath, [TSC, '-p', project, '--noEmit', '--pretty', 'false'], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

describe('import boundaries (core ← db, core ← app ← ui; workers import core only; tables only from db)', () => {
  it('no import in the tree runs against the layers', () => {
    expect(findBoundaryViolations(ROOT).map(formatViolation)).toEqual([]);
  }, 30_000);

  it('names each offending import with file:line, whatever the layout', () => {
    const root = tree({
      'src/core/graph/a.ts': "import { x } from '../../core/util/x';\n\nimport { b } from '../../app/b';\n",
      'src/core/b.ts': "export type T = import('../ui/view').View;\nconst w = new URL('../../workers/w.ts', import.meta.url);\n",
      'src/db/repo.ts': "import { s } from '../app/s';\nimport { c } from '../core/c';\n",
      'src/app/service.ts': "import { c } from '../core/c';\nimport { r } from '../db/repo';\nimport { v } from '../ui/view';\n",
      'src/ui/view.tsx': "import { s } from '../app/service';\nimport { c } from '/src/core/c';\nexport const V = () => <div />;\n",
      'workers/w.worker.ts': "import { c } from '../src/core/c';\nexport { s } from '../src/app/service';\n",
      'edge/src/route.ts': "import { c } from '../../src/core/c';\nconst v = await import('../../src/ui/view');\n",
      'src/cli/cmd.ts': "import { s } from '../app/service';\nimport { v } from '../ui/view';\n",
      'src/preview-runtime/runtime.ts': "import { c } from '../core/c';\nimport { s } from '../app/service';\n",
      'src/app/reads-tables.ts': "export const a = (db: any) => db.projects.put({});\nexport const b = (db: any) => db.table('assets').get(1);\nexport const c = (db: any) => db.transaction('rw', [], () => listProjects(db));\n",
      'src/db/projects-repo.ts': "export const listProjects = (db: any) => db.projects.toArray();\n",
      'src/core/uses-a-package.ts': "import { z } from 'zod';\n// import { v } from '../ui/view';  (a comment, not an import)\nimport { readFileSync } from 'node:fs';\nimport Dexie from 'dexie';\nexport const online = (nav: { onLine: boolean }) => nav.onLine;\nexport const port = { navigator: 1, get: (s: { localStorage: number }) => s.localStorage };\nexport const token = localStorage.getItem('t');\n",
    });
    expect(findBoundaryViolations(root).map(formatViolation).sort()).toEqual([
      "edge/src/route.ts:2: edge must not import ui ('../../src/ui/view')",
      "src/app/reads-tables.ts:1: app must not call a database table directly (db.projects.put); add a function to a src/db repository",
      "src/app/reads-tables.ts:2: app must not call a database table directly (db.table); add a function to a src/db repository",
      "src/app/service.ts:3: app must not import ui ('../ui/view')",
      "src/cli/cmd.ts:2: cli must not import ui ('../ui/view')",
      "src/core/b.ts:1: core must not import ui ('../ui/view')",
      "src/core/b.ts:2: core must not import workers ('../../workers/w.ts')",
      "src/core/graph/a.ts:3: core must not import app ('../../app/b')",
      "src/core/uses-a-package.ts:3: core must not import package node:fs ('node:fs')",
      "src/core/uses-a-package.ts:4: core must not import package dexie ('dexie')",
      "src/core/uses-a-package.ts:7: core must not use the browser global localStorage (take it as an injected port)",
      "src/db/repo.ts:1: db must not import app ('../app/s')",
      "src/preview-runtime/runtime.ts:2: preview-runtime must not import app ('../app/service')",
      "workers/w.worker.ts:2: workers must not import app ('../src/app/service')",
    ]);
    // The script as run by hand: exit 1, one line per offence.
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-import-boundaries.mjs'), root], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("src/core/graph/a.ts:3: core must not import app ('../../app/b')\n");
    expect(run.stderr).toContain('14 boundary offence(s)');
  }, 30_000);
});

describe('src/core compiles without the DOM', () => {
  it('type-checks src/core with its own tsconfig (no DOM lib)', () => {
    const { status, output } = tsc(CORE_TSCONFIG);
    expect(output).toBe('');
    expect(status).toBe(0);
  }, 120_000);

  it('that tsconfig rejects a DOM global', () => {
    const dir = tree({
      'probe.ts': 'export const title: string = document.title;\n',
      'tsconfig.json': JSON.stringify({
        extends: CORE_TSCONFIG,
        compilerOptions: { typeRoots: [path.join(ROOT, 'node_modules', '@types')] },
        include: ['probe.ts'],
      }),
    });
    const { status, output } = tsc(path.join(dir, 'tsconfig.json'));
    expect(output).toMatch(/probe\.ts\(1,\d+\): error TS\d+: Cannot find name 'document'/);
    expect(status).not.toBe(0);
  }, 60_000);
});
