import * as Comlink from 'comlink';
import { withTimeout } from '../../core/util/with-timeout';
import { TYPE_LIBRARY_ASSET } from '../../core/agent/checks/type-library';
import type { BuildDiagnostic } from '../../core/bundler/build-diagnostics';
import type { ProjectMap } from '../../core/agent/project-map/parse-project-map';
import type { ProjectMapper } from '../../core/agent/ports/project-mapper';
import type { TypecheckWorkerApi } from '../../../workers/typecheck.worker';
import { createTypecheckWorker } from '../workers/page-workers';

/** Loading the compiler and the library: seconds on a slow device, never minutes. */
const LOAD_TIMEOUT_MS = 60_000;
/** One check of one project; longer means something is wrong, and the agent must not wait on it. */
const CHECK_TIMEOUT_MS = 60_000;

interface TypecheckWorker {
  worker: Worker;
  api: Comlink.Remote<TypecheckWorkerApi>;
  /** Rejects when the worker script fails (a Comlink call would otherwise wait forever). */
  crashed: Promise<never>;
  ready: Promise<unknown>;
}

let current: TypecheckWorker | null = null;
let unavailable = false;

function start(): TypecheckWorker {
  const worker = createTypecheckWorker();
  const api = Comlink.wrap<TypecheckWorkerApi>(worker);
  const crashed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (e) => reject(new Error(`The TypeScript worker failed: ${e.message || 'it could not be loaded'}`)), { once: true }),
  );
  crashed.catch(() => {});
  const ready = race(api.init(new URL(`${import.meta.env.BASE_URL}${TYPE_LIBRARY_ASSET}`, location.href).href), crashed, LOAD_TIMEOUT_MS);
  ready.catch(() => {}); // a warm-up nobody awaits yet; the first check reads the failure
  return { worker, api, crashed, ready };
}

function stop(stopped: TypecheckWorker) {
  stopped.worker.terminate();
  if (current === stopped) current = null;
}

/** The work's answer, unless the worker crashes or stays silent for `ms`. */
function race<T>(work: Promise<T>, crashed: Promise<never>, ms: number): Promise<T> {
  return withTimeout(Promise.race([work, crashed]), ms, `no answer in ${ms / 1000} s`);
}

/** Starts the TypeScript worker ahead of the first check (its failure is reported by that check). */
export function warmUpTypeChecker(): void {
  if (!unavailable) current ??= start();
}

/**
 * Type errors of a project from the page's one TypeScript worker (started on first use), or null
 * when type checks are not available: the caller then reports bundle errors only. A worker that
 * cannot load is not retried in this page; one that fails a check is restarted on the next.
 */
export async function typeErrorsOf(projectId: string, files: ReadonlyMap<string, string>, assetNames: ReadonlySet<string>): Promise<BuildDiagnostic[] | null> {
  if (unavailable) return null;
  const typecheck = (current ??= start());
  try {
    await typecheck.ready;
  } catch (error) {
    unavailable = true;
    stop(typecheck);
    console.warn('[director] Type checks are off in this page (bundle errors only):', error);
    return null;
  }
  try {
    return await race(typecheck.api.check(projectId, [...files], [...assetNames]), typecheck.crashed, CHECK_TIMEOUT_MS);
  } catch (error) {
    stop(typecheck);
    console.warn('[director] This type check did not finish (bundle errors only):', error);
    return null;
  }
}

/**
 * The agent's project maps, parsed in the TypeScript worker (it needs the compiler, not the type
 * library, so it works even when type checks are off). A crashed or silent worker is restarted on
 * the next call; this one fails with the reason.
 */
export const workerProjectMapper: ProjectMapper = {
  async map(files: ReadonlyMap<string, string>): Promise<ProjectMap> {
    const typecheck = (current ??= start());
    try {
      return await race(typecheck.api.mapProject([...files]), typecheck.crashed, CHECK_TIMEOUT_MS);
    } catch (error) {
      stop(typecheck);
      throw new Error(`The project could not be mapped: ${(error as Error).message}`);
    }
  },
};
