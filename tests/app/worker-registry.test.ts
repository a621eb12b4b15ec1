import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkerRegistry } from '../../src/app/workers/worker-registry';

describe('worker registry', () => {
  it('makes one client per kind on first use and gives every caller that same client', () => {
    const made: string[] = [];
    const registry = makeWorkerRegistry<{ media: { id: number }; audio: { id: number } }>({
      media: () => (made.push('media'), { id: made.length }),
      audio: () => (made.push('audio'), { id: made.length }),
    });
    expect(registry.has('media')).toBe(false);
    expect(made).toEqual([]);
    const first = registry.get('media');
    expect(registry.get('media')).toBe(first);
    expect(registry.get('audio')).not.toBe(first);
    expect(registry.get('audio')).toBe(registry.get('audio'));
    expect(made).toEqual(['media', 'audio']);
    expect(registry.has('media')).toBe(true);
  });
});

/** Every source file of the app's page (src/app, src/ui). */
function pageSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pageSources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the page starts its workers in one place', () => {
  it('no module but page-workers.ts constructs a Worker (a second one would mean a second media worker per page)', () => {
    const root = join(__dirname, '../..');
    const starters = [...pageSources(join(root, 'src/app')), ...pageSources(join(root, 'src/ui'))]
      .filter((file) => /new Worker\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(starters).toEqual(['src/app/workers/page-workers.ts']);
  });
});
