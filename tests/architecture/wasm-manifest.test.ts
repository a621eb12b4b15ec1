import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type WasmManifest, fixedUrlSources, notPrecachedPaths, strayBundlerCopies, wasmFiles } from '../../src/core/wasm/wasm-manifest';

/** wasm/manifest.json against the bytes on disk: what the app ships is what the manifest says. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'wasm', 'manifest.json'), 'utf8')) as WasmManifest;
const integrity = (file: string) => `sha256-${createHash('sha256').update(readFileSync(file)).digest('base64')}`;

describe('wasm/manifest.json', () => {
  it('names each runtime the app ships, at the version installed in node_modules', () => {
    expect(manifest.runtimes.map((r) => r.package).sort()).toEqual(['@ffmpeg/core', '@mediapipe/tasks-vision', 'esbuild-wasm', 'espeak-ng', 'onnxruntime-web']);
    for (const runtime of manifest.runtimes) {
      const installed = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', runtime.package, 'package.json'), 'utf8')).version;
      expect(`${runtime.package}@${runtime.version}`).toBe(`${runtime.package}@${installed}`);
      expect(runtime.files.length).toBeGreaterThan(0);
    }
  });

  it.each(wasmFiles(manifest).map((file) => [file.url, file] as const))('%s: source and staged copy exist with the recorded size and SHA-256', (_url, file) => {
    const copies = [file.source, ...(file.staged ? [file.staged] : [])].map((f) => path.join(ROOT, f));
    for (const copy of copies) {
      expect(existsSync(copy), `${path.relative(ROOT, copy)} is missing (run node wasm/stage-wasm.mjs)`).toBe(true);
      expect({ file: path.relative(ROOT, copy), bytes: statSync(copy).size, integrity: integrity(copy) }).toEqual({ file: path.relative(ROOT, copy), bytes: file.bytes, integrity: file.integrity });
    }
  });

  it('serves each staged file from public/ at its URL path (the URLs the app, e2e and CLI use)', () => {
    for (const file of wasmFiles(manifest).filter((f) => f.staged)) {
      const underPublic = path.join(ROOT, 'public', file.url);
      expect(existsSync(underPublic), `public${file.url} does not exist`).toBe(true);
      expect(realpathSync(underPublic)).toBe(realpathSync(path.join(ROOT, file.staged!)));
    }
    expect(fixedUrlSources(manifest).get('/wasm/ffmpeg/ffmpeg-core.wasm')).toBe('node_modules/@ffmpeg/core/dist/esm/ffmpeg-core.wasm');
    expect(fixedUrlSources(manifest).has('/models/ort/ort-wasm-simd-threaded.wasm')).toBe(true);
  });

  it('a file Vite emits is imported with ?url by the module the manifest names', () => {
    for (const runtime of manifest.runtimes.filter((r) => r.served === 'vite')) {
      const importer = readFileSync(path.join(ROOT, runtime.importer!), 'utf8');
      for (const file of runtime.files) expect(importer).toContain(`'${file.source.replace(/^node_modules\//, '')}?url'`);
    }
  });

  it('leaves only the WebGPU-only asyncify build of onnxruntime out of the precache', () => {
    expect(notPrecachedPaths(manifest)).toEqual(['models/ort/ort-wasm-simd-threaded.asyncify.wasm', 'models/ort/ort-wasm-simd-threaded.asyncify.mjs']);
  });

  it('the built service worker precaches each wasm once: not the copies Vite emits of staged files', () => {
    expect(strayBundlerCopies(manifest)).toContain('assets/ort-wasm-simd-threaded-*.wasm');
    const sw = path.join(ROOT, 'dist', 'sw.js');
    expect(existsSync(sw), 'dist/sw.js is missing: npm test builds the app first (npx vite build)').toBe(true);
    const precached = [...readFileSync(sw, 'utf8').matchAll(/url:"([^"]+\.wasm)"/g)].map((m) => m[1]!);
    expect(precached).toContain('models/ort/ort-wasm-simd-threaded.wasm');
    expect(precached.filter((url) => url.startsWith('assets/ort-wasm'))).toEqual([]);
    // Each runtime's wasm appears once (the asyncify build not at all).
    expect(precached.filter((url) => url.includes('ort-wasm'))).toEqual(['models/ort/ort-wasm-simd-threaded.wasm']);
  });
});
