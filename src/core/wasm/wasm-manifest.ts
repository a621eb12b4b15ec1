/**
 * wasm/manifest.json (written by wasm/stage-wasm.mjs): the WebAssembly runtimes the app ships, with
 * each file's size, integrity, URL path and precache flag. The service worker's precache list
 * (vite.config.ts) and the CLI's static server are derived from it, so paths live in one place.
 */

export interface WasmFile {
  name: string;
  /** Where the bytes come from, relative to the repository: node_modules/<package>/…. */
  source: string;
  /** URL path the app serves it at; a Vite-emitted asset has `[hash]` in place of its content hash. */
  url: string;
  /** Where wasm/stage-wasm.mjs placed it, relative to the repository (absent when Vite emits it). */
  staged?: string;
  bytes: number;
  /** Subresource-integrity form: sha256-<base64>. */
  integrity: string;
  precache: boolean;
}

export interface WasmRuntime {
  id: string;
  package: string;
  version: string;
  /** copy: copied under public/; link: public/ links to the package folder; vite: a `?url` import. */
  served: 'copy' | 'link' | 'vite';
  importer?: string;
  files: WasmFile[];
}

export interface WasmManifest {
  runtimes: WasmRuntime[];
}

export function wasmFiles(manifest: WasmManifest): WasmFile[] {
  return manifest.runtimes.flatMap((runtime) => runtime.files);
}

/** Build-output paths (no leading slash) the service worker must not precache. */
export function notPrecachedPaths(manifest: WasmManifest): string[] {
  return wasmFiles(manifest)
    .filter((file) => !file.precache)
    .map((file) => file.url.replace(/^\//, ''));
}

/**
 * Globs of the copies Vite emits into assets/ for a wasm the app serves from its staged path:
 * onnxruntime-web's own code names its wasm with `new URL(…, import.meta.url)`, so Vite emits a
 * second, hashed copy (41 MB for onnxruntime) that nothing loads (the worker sets wasmPaths to the
 * staged files). They are left out of the precache, so installing the app does not download them.
 */
export function strayBundlerCopies(manifest: WasmManifest): string[] {
  return wasmFiles(manifest)
    .filter((file) => !file.url.includes('[hash]') && file.name.endsWith('.wasm'))
    .map((file) => `assets/${file.name.replace(/\.wasm$/, '')}-*.wasm`);
}

/** URL path → repository-relative source file, for every file served at a fixed URL (a static server's routes). */
export function fixedUrlSources(manifest: WasmManifest): Map<string, string> {
  return new Map(wasmFiles(manifest).filter((file) => !file.url.includes('[hash]')).map((file) => [file.url, file.source]));
}
