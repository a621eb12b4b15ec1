import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The wire contracts (src/core/contracts) and the edge's typed client hold only if the compiler
// runs over all three packages: drift between app, edge and render service is a type error, and
// this is where `npm test` sees it.
const ROOT = path.resolve(import.meta.dirname, '../..');

function tsc(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(cwd, 'node_modules', 'typescript', 'bin', 'tsc'), ...args, '--pretty', 'false'], { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim().split('\n').slice(0, 20).join('\n') };
}

describe('the whole repository type-checks', () => {
  it('the edge writes its route types, and the app (with its typed edge client) compiles against them', () => {
    expect(tsc(path.join(ROOT, 'edge'), '-p', 'tsconfig.api-types.json')).toEqual({ status: 0, output: '' });
    expect(tsc(ROOT, '--noEmit', '-p', '.')).toEqual({ status: 0, output: '' });
  }, 180_000);

  it('the edge and the render service compile, each with the shared contracts', () => {
    expect(tsc(path.join(ROOT, 'edge'), '--noEmit', '-p', '.')).toEqual({ status: 0, output: '' });
    const render = path.join(ROOT, 'edge', 'render');
    expect(tsc(render, '--noEmit', '-p', '.')).toEqual({ status: 0, output: '' });
    expect(tsc(render, '--noEmit', '-p', 'tsconfig.build.json')).toEqual({ status: 0, output: '' });
  }, 180_000);
});
