import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { BuildDiagnostic } from '../../core/bundler/build-diagnostics';
import type { BundleOutput } from '../../core/bundler/bundle-project';
import type { CompositionInfo, RuntimeErrorInfo } from '../../core/preview/sandbox-protocol';
import { withTimeout } from '../../core/util/with-timeout';
import { isInternalAsset } from '../../app/assets/asset-name';
import { bundlerWorker } from '../../app/workers/page-workers';
import { SandboxError, type SandboxHost } from '../../app/preview/sandbox-host';

export type BuildStatus = 'idle' | 'building' | 'ready' | 'error';

type BuildAsset = { name: string; blob: Blob };

/** Same names, sizes and types in the same order: a re-read of unchanged assets, nothing to rebuild. */
function sameAssets(a: readonly BuildAsset[], b: readonly BuildAsset[]): boolean {
  return a.length === b.length && a.every((x, i) => x.name === b[i]!.name && x.blob.size === b[i]!.blob.size && x.blob.type === b[i]!.blob.type);
}

export interface ProjectBuildInputs {
  projectId: Accessor<string>;
  files: Accessor<ReadonlyMap<string, string>>;
  assets: Accessor<readonly { name: string; blob: Blob }[]>;
  sandbox: Accessor<SandboxHost | undefined>;
  /** False until the sources have been read from storage: no build of a half-loaded project. */
  ready: Accessor<boolean>;
}

const DEBOUNCE_MS = 200;
/** Evaluating a bundle takes well under a second; this long means the sandbox stopped answering. */
const LOAD_TIME_LIMIT_MS = 30_000;

/**
 * Rebuilds the project whenever its sources change (debounced), loads the bundle into the
 * sandbox, and exposes the state the Code view shows. A failed build or load keeps the last good
 * preview playing.
 */
export function createProjectBuild(inputs: ProjectBuildInputs) {
  const [status, setStatus] = createSignal<BuildStatus>('idle');
  const [diagnostics, setDiagnostics] = createSignal<BuildDiagnostic[]>([]);
  const [loadError, setLoadError] = createSignal<RuntimeErrorInfo | null>(null);
  const [compositions, setCompositions] = createSignal<CompositionInfo[]>([]);
  const [buildMs, setBuildMs] = createSignal<number | null>(null);
  const [generation, setGeneration] = createSignal(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  // What project code can reach: not the app's own files (thumbnails). The first good build saves
  // a thumbnail; were it an input, it would rebuild the project and restart a preview just played.
  const assets = createMemo(() => inputs.assets().filter((a) => !isInternalAsset(a.name)), [], { equals: sameAssets });

  const run = async () => {
    const sandbox = inputs.sandbox();
    if (!sandbox) return;
    const ticket = ++latest;
    // A project without code has nothing to build: its views offer ways to start instead of an error.
    if (inputs.files().size === 0) {
      setDiagnostics([]);
      setLoadError(null);
      setCompositions([]);
      return setStatus('idle');
    }
    setStatus('building');
    const buildAssets = assets();
    performance.mark('director:build-start');
    let output: BundleOutput;
    try {
      output = await bundlerWorker().call('build', [inputs.projectId(), [...inputs.files()], buildAssets.map((a) => a.name)]);
    } catch (e) {
      // The bundler itself failed (its wasm did not load, the worker died): say so, never spin forever.
      if (ticket !== latest) return;
      setLoadError({ message: `The bundler stopped: ${(e as Error).message}. Edit a file to try again.` });
      return setStatus('error');
    }
    if (ticket !== latest) return; // a newer edit is already on its way
    setBuildMs(Math.round(output.ms));
    setDiagnostics([...output.errors, ...output.warnings]);
    if (!output.ok) return setStatus('error');
    performance.mark('director:build-done');
    try {
      const list = await withTimeout(sandbox.load(output.code, [...buildAssets]), LOAD_TIME_LIMIT_MS, `The preview did not answer within ${LOAD_TIME_LIMIT_MS / 1000} s; edit a file or reload the page to try again.`);
      performance.mark('director:bundle-loaded');
      if (ticket !== latest) return;
      setLoadError(null);
      setCompositions(list);
      setGeneration((g) => g + 1);
      setStatus('ready');
    } catch (e) {
      if (ticket !== latest) return;
      setLoadError(e instanceof SandboxError ? e.info : { message: (e as Error).message });
      setStatus('error');
    }
  };

  // The first build starts at once (opening a project); later ones wait for typing to pause.
  let first = true;
  createEffect(
    on([inputs.files, assets, inputs.sandbox, inputs.ready], () => {
      if (!inputs.ready() || !inputs.sandbox()) return;
      clearTimeout(timer);
      timer = setTimeout(() => void run(), first ? 0 : DEBOUNCE_MS);
      first = false;
    }),
  );
  onCleanup(() => clearTimeout(timer));

  return { status, diagnostics, loadError, compositions, buildMs, generation, rebuild: run };
}
