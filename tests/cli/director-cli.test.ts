import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve('bin/director.mjs');
const fixture = path.resolve('tests/fixtures/remotion-project');

async function director(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('director bundle', { timeout: 60_000 }, () => {
  it('bundles a Remotion project folder laid out as create-video does, with assets from public/', async () => {
    const { code, stdout } = await director('bundle', fixture, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ ok: true, entry: 'src/index.ts', errors: [] });
    expect(out.bytes).toBeGreaterThan(1000);
    expect(out.ms).toBeGreaterThan(0);
  });

  it('exits 1 with file:line:col errors for a broken project', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'director-cli-'));
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(path.join(dir, 'src/Scenes/Poster.tsx'), 'export const Poster = () => <div>;\n');
    const { code, stdout } = await director('bundle', dir, '--json');
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.ok).toBe(false);
    expect(out.errors[0].file).toBe('src/Scenes/Poster.tsx');
    expect(out.errors[0].line).toBeGreaterThan(0);
    expect(out.errors[0].column).toBeGreaterThan(0);
  });

  it('explains its usage', async () => {
    const { code, stderr } = await director('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command "frobnicate"[\s\S]*director bundle <dir>/);
  });
});
