/**
 * Bundler worker: esbuild-wasm (served from our origin) behind Comlink. One incremental bundler
 * per project; the page sends the current sources after each edit.
 */
import * as Comlink from 'comlink';
import * as esbuild from 'esbuild-wasm';
import wasmUrl from 'esbuild-wasm/esbuild.wasm?url';
import { makeProjectBundler, type BundleOutput, type ProjectBundler } from '../src/core/bundler/bundle-project';

let ready: Promise<void> | null = null;
const bundlers = new Map<string, ProjectBundler>();

function initialize(): Promise<void> {
  // Already in a worker: esbuild runs here rather than spawning a worker of its own.
  ready ??= esbuild.initialize({ wasmURL: new URL(wasmUrl, self.location.href).href, worker: false });
  return ready;
}

const api = {
  async warmUp(): Promise<number> {
    const start = performance.now();
    await initialize();
    return performance.now() - start;
  },
  async build(projectId: string, files: [string, string][], assetNames: string[]): Promise<BundleOutput> {
    await initialize();
    let bundler = bundlers.get(projectId);
    if (!bundler) bundlers.set(projectId, (bundler = makeProjectBundler(esbuild)));
    return bundler.build({ files: new Map(files), assetNames: new Set(assetNames) });
  },
  async forget(projectId: string): Promise<void> {
    await bundlers.get(projectId)?.dispose();
    bundlers.delete(projectId);
  },
};

export type BundlerWorkerApi = typeof api;
Comlink.expose(api);
