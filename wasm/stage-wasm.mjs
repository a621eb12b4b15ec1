#!/usr/bin/env node
// Places the WebAssembly the app ships where the app serves it, and writes wasm/manifest.json:
// for each runtime its package and installed version, and for each file its size, SHA-256
// integrity, URL path and whether the service worker precaches it. The service worker's precache
// list (vite.config.ts) and the CLI's static server read that manifest.
// Idempotent and fast when up to date: copies only files whose size or mtime differ; rewrites the
// manifest only when its content changes.
// Usage: node wasm/stage-wasm.mjs [--force]
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST_PATH = path.join(ROOT, 'wasm', 'manifest.json');

/**
 * What the app ships. `serve` says how each reaches the browser:
 *   copy  — copied into `dir` (under public/, directly or through a link), served at `url`
 *   link  — `dir` is a symlink to the package folder, served at `url`
 *   vite  — imported with `?url` by `importer`; Vite emits it under /assets/ with a content hash
 * Files listed in `notPrecached` are left out of the service worker's precache.
 */
export const RUNTIMES = [
  {
    id: 'esbuild',
    package: 'esbuild-wasm',
    from: '.',
    files: ['esbuild.wasm'],
    serve: { kind: 'vite', url: '/assets/esbuild-[hash].wasm', importer: 'workers/bundler.worker.ts' },
  },
  {
    // The offline voice: eSpeak NG with its voice data embedded in the wasm (GPL-3.0).
    id: 'espeak-ng',
    package: 'espeak-ng',
    from: 'dist',
    files: ['espeak-ng.wasm'],
    serve: { kind: 'vite', url: '/assets/espeak-ng-[hash].wasm', importer: 'workers/voice.worker.ts' },
  },
  {
    id: 'ffmpeg',
    package: '@ffmpeg/core',
    from: 'dist/esm',
    files: ['ffmpeg-core.js', 'ffmpeg-core.wasm'],
    serve: { kind: 'link', dir: 'public/wasm/ffmpeg', url: '/wasm/ffmpeg/' },
  },
  {
    id: 'mediapipe',
    package: '@mediapipe/tasks-vision',
    from: 'wasm',
    // The module-worker fileset FilesetResolver.forVisionTasks(url, true) loads.
    files: ['vision_wasm_module_internal.js', 'vision_wasm_module_internal.wasm'],
    serve: { kind: 'copy', dir: 'models/dist/mediapipe', url: '/models/mediapipe/' },
  },
  {
    id: 'onnxruntime',
    package: 'onnxruntime-web',
    from: 'dist',
    // The wasm EP (onnxruntime-web/wasm) and the WebGPU EP (onnxruntime-web/webgpu) binaries with their loaders.
    files: ['ort-wasm-simd-threaded.wasm', 'ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.asyncify.wasm', 'ort-wasm-simd-threaded.asyncify.mjs'],
    // The asyncify build serves WebGPU only; without it offline, faces use the wasm EP.
    notPrecached: ['ort-wasm-simd-threaded.asyncify.wasm', 'ort-wasm-simd-threaded.asyncify.mjs'],
    serve: { kind: 'copy', dir: 'models/dist/ort', url: '/models/ort/' },
  },
];

const require = createRequire(import.meta.url);

/** A package's folder, found the way Node does; some packages do not export package.json. */
export function packageDir(name, root = ROOT) {
  for (const base of require.resolve.paths(name) ?? []) {
    if (existsSync(path.join(base, name, 'package.json'))) return path.join(base, name);
  }
  const local = path.join(root, 'node_modules', name);
  if (existsSync(path.join(local, 'package.json'))) return local;
  throw new Error(`[wasm] package ${name} is not installed (run npm install)`);
}

export const integrityOf = (bytes) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`;

/** Copies when size or mtime differ; a copy keeps the source's mtime so the check stays cheap. */
function copyIfChanged(source, out, force) {
  const src = statSync(source);
  if (!force && existsSync(out)) {
    const dst = statSync(out);
    if (dst.size === src.size && Math.abs(dst.mtimeMs - src.mtimeMs) < 1000) return false;
  }
  mkdirSync(path.dirname(out), { recursive: true });
  copyFileSync(source, out);
  utimesSync(out, src.atimeMs / 1000, src.mtimeMs / 1000);
  return true;
}

function linkIfMissing(target, link) {
  if (existsSync(link) || isDanglingLink(link)) return false;
  mkdirSync(path.dirname(link), { recursive: true });
  symlinkSync(path.relative(path.dirname(link), target), link, 'dir');
  return true;
}

function isDanglingLink(file) {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Stages every runtime; returns the repository-relative paths it wrote. */
export function stageWasm({ force = false } = {}) {
  const written = [];
  for (const runtime of RUNTIMES) {
    const source = path.join(packageDir(runtime.package), runtime.from);
    if (runtime.serve.kind === 'copy') {
      for (const file of runtime.files) {
        const out = path.join(ROOT, runtime.serve.dir, file);
        if (copyIfChanged(path.join(source, file), out, force)) written.push(path.relative(ROOT, out));
      }
    } else if (runtime.serve.kind === 'link') {
      const link = path.join(ROOT, runtime.serve.dir);
      if (linkIfMissing(source, link)) written.push(path.relative(ROOT, link));
    }
  }
  return written;
}

/** The manifest of what is installed now (versions, sizes and hashes read from node_modules). */
export function buildManifest() {
  return {
    note: 'Generated by wasm/stage-wasm.mjs from node_modules; do not edit. Read by vite.config.ts (precache) and the CLI.',
    runtimes: RUNTIMES.map((runtime) => {
      const dir = packageDir(runtime.package);
      const version = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
      return {
        id: runtime.id,
        package: runtime.package,
        version,
        served: runtime.serve.kind,
        ...(runtime.serve.importer ? { importer: runtime.serve.importer } : {}),
        files: runtime.files.map((name) => {
          const bytes = readFileSync(path.join(dir, runtime.from, name));
          const { kind, url, dir: stagedDir } = runtime.serve;
          return {
            name,
            source: path.posix.join('node_modules', runtime.package, runtime.from, name),
            url: kind === 'vite' ? url : `${url}${name}`,
            ...(stagedDir ? { staged: path.posix.join(stagedDir, name) } : {}),
            bytes: bytes.length,
            integrity: integrityOf(bytes),
            precache: !(runtime.notPrecached ?? []).includes(name),
          };
        }),
      };
    }),
  };
}

/** Writes wasm/manifest.json when its content changed; returns whether it did. */
export function writeManifest(manifest = buildManifest()) {
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  if (existsSync(MANIFEST_PATH) && readFileSync(MANIFEST_PATH, 'utf8') === text) return false;
  writeFileSync(MANIFEST_PATH, text);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const started = performance.now();
  const written = stageWasm({ force: process.argv.includes('--force') });
  const manifestChanged = writeManifest();
  console.log(`[wasm] ${written.length ? `staged ${written.join(', ')}` : 'runtime files: up to date'}${manifestChanged ? '; wrote wasm/manifest.json' : ''} (${Math.round(performance.now() - started)} ms)`);
}
