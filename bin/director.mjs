#!/usr/bin/env node
// The `director` command. Its TypeScript (src/cli) is compiled on first use with esbuild-wasm
// into .cache/cli/, and again whenever a source file is newer than the compiled one.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.cache', 'cli', 'director.mjs');

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
    const full = path.join(dir, e.name);
    return Math.max(t, e.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }, 0);

if (!existsSync(out) || statSync(out).mtimeMs < Math.max(newest(path.join(root, 'src', 'cli')), newest(path.join(root, 'src', 'core')))) {
  const esbuild = await import('esbuild-wasm');
  mkdirSync(path.dirname(out), { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: `${out}.${process.pid}.tmp`,
    logLevel: 'error',
  });
  // Atomic: another `director` started at the same time (parallel test files) never imports a half-written file.
  renameSync(`${out}.${process.pid}.tmp`, out);
}
const { main } = await import(pathToFileURL(out).href);
process.exitCode = await main(process.argv.slice(2));
