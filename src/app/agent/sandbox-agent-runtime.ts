import type { BuildChecker } from '../../core/agent/ports/build-checker';
import type { PreviewRunner, PreviewRuntimeError } from '../../core/agent/ports/preview-runner';
import type { FramePixels, StillRenderer } from '../../core/agent/ports/still-renderer';
import { formatDiagnostic } from '../../core/bundler/build-diagnostics';
import { locateRuntimeError } from '../../core/agent/checks/runtime-error-location';
import { layoutSampleFrames } from '../../core/agent/checks/scene-key-frames';
import { BUNDLE_WRAPPER_LINES, type CompositionInfo, type RuntimeErrorInfo } from '../../core/preview/sandbox-protocol';
import type { DirectorDb } from '../../db/database';
import { bundlerWorker } from '../workers/page-workers';
import { makeOffscreenSandbox } from '../preview/offscreen-sandbox';
import { SandboxError } from '../preview/sandbox-host';
import { typeErrorsOf } from './typecheck-client';
import { listAssets } from '../../db/assets-repo';

/**
 * The agent's eyes and hands on the engine: builds in the bundler worker and type-checks in the
 * TypeScript worker, runs the project in its own off-screen sandbox (the same runtime as the
 * preview), renders stills. No project code ever runs outside the sandbox.
 */
export function makeSandboxAgentRuntime(db: DirectorDb, projectId: string) {
  const offscreen = makeOffscreenSandbox();
  const sandbox = () => offscreen.get();
  const build = (files: ReadonlyMap<string, string>, assetNames: ReadonlySet<string>) => bundlerWorker().call('build', [`agent:${projectId}`, [...files], [...assetNames]]);
  const usedAssets = async (names: ReadonlySet<string>) => (await listAssets(db, projectId)).filter((a) => names.has(a.name));
  const loadIntoSandbox = (code: string, assets: readonly { name: string; blob: Blob }[]) => sandbox().load(code, assets.map((a) => ({ name: a.name, blob: a.blob })));

  /**
   * The bundle in the off-screen sandbox, by what it was made from: a visual check's two layout
   * passes and its stills (up to seven calls) build and load the project once. Forgotten when a
   * sandbox call fails, so a broken state is never reused.
   */
  let loaded: { key: string; compositions: CompositionInfo[] } | null = null;
  const loadProject = async (files: ReadonlyMap<string, string>, assetNames: ReadonlySet<string>): Promise<{ built: false; errors: string[] } | { built: true; compositions: CompositionInfo[] }> => {
    const assets = await usedAssets(assetNames);
    const key = sourceKey(files, assets);
    if (loaded?.key === key) return { built: true, compositions: loaded.compositions };
    loaded = null;
    const out = await build(files, assetNames);
    if (!out.ok) return { built: false, errors: out.errors.map(formatDiagnostic) };
    const compositions = await loadIntoSandbox(out.code, assets);
    loaded = { key, compositions };
    return { built: true, compositions };
  };
  /** A sandbox call that fails may leave the sandbox half-rendered: the next call loads afresh. */
  const forgetOnFailure = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (e) {
      loaded = null;
      throw e;
    }
  };

  const buildChecker: BuildChecker = {
    async check({ files, assetNames }) {
      const start = performance.now();
      // Two workers, two cores: bundling and type checking run side by side.
      const [out, typeErrors] = await Promise.all([build(files, assetNames), typeErrorsOf(`agent:${projectId}`, files, assetNames)]);
      return { bundleErrors: out.errors, typeErrors: typeErrors ?? [], warnings: out.warnings, typeChecked: typeErrors !== null, ms: performance.now() - start };
    },
  };

  const previewRunner: PreviewRunner = {
    fidelity: 'engine',
    async run({ files, assetNames, compositionId, frames }) {
      const start = performance.now();
      // A runtime check always loads afresh: it is the check that reports what loading throws.
      loaded = null;
      const out = await build(files, assetNames);
      if (!out.ok) return { built: false, buildErrors: out.errors.map(formatDiagnostic), compositions: [], renderedFrames: [], errors: [], ms: performance.now() - start };
      const errors: PreviewRuntimeError[] = [];
      // The stack points into the bundle: its inline source map gives the project file and line.
      const located = (e: unknown): PreviewRuntimeError => {
        const info: RuntimeErrorInfo = e instanceof SandboxError ? e.info : { message: (e as Error).message, stack: (e as Error).stack };
        const location = locateRuntimeError(info.stack, out.code, files, BUNDLE_WRAPPER_LINES);
        return { ...info, ...(location ? { location } : {}) };
      };
      let compositions;
      try {
        const assets = await usedAssets(assetNames);
        compositions = await loadIntoSandbox(out.code, assets);
        loaded = { key: sourceKey(files, assets), compositions };
      } catch (e) {
        return { built: true, buildErrors: [], compositions: [], renderedFrames: [], errors: [located(e)], ms: performance.now() - start };
      }
      const comp = compositions.find((c) => c.id === compositionId) ?? compositions[0];
      const rendered: number[] = [];
      if (comp) {
        const last = comp.durationInFrames - 1;
        for (const frame of frames ?? [0, Math.floor(last / 2), last]) {
          try {
            await sandbox().still(comp.id, {}, frame, 0.1);
            rendered.push(frame);
          } catch (e) {
            loaded = null;
            errors.push({ ...located(e), frame, compositionId: comp.id });
          }
        }
      }
      return { built: true, buildErrors: [], compositions, renderedFrames: rendered, errors, ms: performance.now() - start };
    },
  };

  const stillRenderer: StillRenderer = {
    fidelity: 'engine',
    async renderStill({ files, assetNames, compositionId, frame, scale }) {
      const project = await forgetOnFailure(loadProject(files, assetNames));
      if (!project.built) return { ok: false, code: 'build_failed', message: project.errors.join('\n') };
      const comp = project.compositions.find((c) => c.id === compositionId) ?? project.compositions[0];
      if (!comp) return { ok: false, code: 'no_composition', message: 'The project registers no composition.' };
      if (frame < 0 || frame >= comp.durationInFrames) return { ok: false, code: 'frame_out_of_range', message: `${comp.id} has frames 0-${comp.durationInFrames - 1}.` };
      try {
        const png = await forgetOnFailure(sandbox().still(comp.id, {}, frame, scale ?? 0.5));
        return { ok: true, png: new Uint8Array(await png.arrayBuffer()), width: Math.round(comp.width * (scale ?? 0.5)), height: Math.round(comp.height * (scale ?? 0.5)), compositionId: comp.id, ...(await pixelsOf(png)) };
      } catch (e) {
        return { ok: false, code: 'runtime_error', message: (e as Error).message };
      }
    },
    async inspectLayout({ files, assetNames, compositionId, frames }) {
      const project = await forgetOnFailure(loadProject(files, assetNames));
      if (!project.built) return null;
      const comp = project.compositions.find((c) => c.id === compositionId) ?? project.compositions[0];
      if (!comp) return null;
      try {
        return await forgetOnFailure(sandbox().inspectLayout(comp.id, {}, frames ?? layoutSampleFrames(comp.durationInFrames)));
      } catch {
        // A frame that throws is the runtime check's to report; the visual check falls back to fixed frames.
        return null;
      }
    },
  };

  return {
    buildChecker,
    previewRunner,
    stillRenderer,
    dispose: () => {
      loaded = null;
      offscreen.dispose();
    },
  };
}

/** What a load is made from: every source file's text and each asset the bundle uses (by id: a replaced file is a new asset). */
function sourceKey(files: ReadonlyMap<string, string>, assets: readonly { name: string; id: string; size: number }[]): string {
  const sources = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, text]) => `${path}\u0000${text}`);
  return [...sources, ...assets.map((a) => `asset\u0000${a.name}\u0000${a.id}\u0000${a.size}`).sort()].join('\u0001');
}

/** The still's pixels for the automatic visual check, at most 320 px wide (enough to judge blank frames and contrast). */
async function pixelsOf(png: Blob): Promise<{ pixels?: FramePixels }> {
  try {
    const bitmap = await createImageBitmap(png);
    const scale = Math.min(1, 320 / bitmap.width);
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return {};
    context.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    return { pixels: { width, height, data: context.getImageData(0, 0, width, height).data } };
  } catch {
    // No pixels: the frames still go to the model, only the measurements are missing.
    return {};
  }
}
