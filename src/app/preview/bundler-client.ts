import * as Comlink from 'comlink';
import type { BundlerWorkerApi } from '../../../workers/bundler.worker';

let remote: Comlink.Remote<BundlerWorkerApi> | null = null;

/** The page's one bundler worker, started on first use. */
export function bundlerWorker(): Comlink.Remote<BundlerWorkerApi> {
  remote ??= Comlink.wrap<BundlerWorkerApi>(new Worker(new URL('../../../workers/bundler.worker.ts', import.meta.url), { type: 'module', name: 'bundler' }));
  return remote;
}
