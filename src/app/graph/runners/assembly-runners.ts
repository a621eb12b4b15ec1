import { formatDiagnostic } from '../../../core/bundler/build-diagnostics';
import { fileStamp } from '../../../core/util/format';
import { PropWiringError, resolveCompositionProps, type DeclaredProp } from '../../../core/graph/composition-props';
import { RunnerError, runnerFailure, type NodeRunner, type RunContext } from '../../../core/graph/node-runner';
import type { RenderQuality } from '../../../core/preview/render-quality';
import type { CompositionInfo } from '../../../core/preview/sandbox-protocol';
import type { RenderRecord } from '../../../core/render/render-record';
import { blobToBase64 } from '../../../core/util/base64';
import { newId } from '../../../core/util/ids';
import { withTimeout } from '../../../core/util/with-timeout';
import { ok } from '../../../core/util/result';
import { addAsset, listAssets } from '../../../db/assets-repo';
import { listFiles } from '../../../db/files-repo';
import type { DirectorDb } from '../../../db/database';
import { getRender, saveRender, updateRender } from '../../../db/renders-repo';
import { bundlerWorker } from '../../workers/page-workers';
import { makeOffscreenSandbox } from '../../preview/offscreen-sandbox';
import { SandboxError } from '../../preview/sandbox-host';
import { followServerRender, startServerRender } from '../../render/server-render';

/** What a Composition node hands on: enough to render it here or on the server. */
export interface CompositionOutput {
  compositionId: string;
  width: number;
  height: number;
  fps: number;
  durationInFrames: number;
  /** The composition's defaultProps with the wired props on top. */
  inputProps: Record<string, unknown>;
}

const notRetryable = { retryable: false } as const;
/** The node's preview still is a nicety: past this, the node finishes without one. */
const STILL_TIME_LIMIT_MS = 20_000;


/**
 * Composition and Render nodes: the project's own Remotion code, built in the bundler worker and
 * run in an off-screen sandbox; renders go to the browser encoder or the render server.
 */
export function makeAssemblyRunners(db: DirectorDb, projectId: string): Record<string, NodeRunner> {
  const sandbox = makeOffscreenSandbox();

  /** Builds the project as stored now and loads it; returns its compositions. */
  const loadProject = async (ctx: RunContext): Promise<CompositionInfo[]> => {
    const files = await listFiles(db, projectId);
    if (!files.length) throw new RunnerError('no_code', 'This project has no code yet: start it from a template or ask the Director in the Code view.', notRetryable);
    const assets = (await listAssets(db, projectId)).filter((a) => !a.name.startsWith('.director/'));
    ctx.progress(0.1, 'building');
    const out = await bundlerWorker().call('build', [`canvas:${projectId}`, files.map((f) => [f.path, f.content]), assets.map((a) => a.name)]);
    if (!out.ok) throw new RunnerError('build_failed', `The project does not build: ${out.errors.slice(0, 2).map(formatDiagnostic).join('; ')}`, notRetryable);
    ctx.progress(0.3, 'loading');
    try {
      return await sandbox.get().load(out.code, assets.map((a) => ({ name: a.name, blob: a.blob })));
    } catch (e) {
      throw new RunnerError('runtime_error', `The project's code failed to load: ${e instanceof SandboxError ? e.info.message : (e as Error).message}`, notRetryable);
    }
  };

  const composition: NodeRunner = {
    async run(ctx) {
      const p = ctx.params as { compositionId: string; props: DeclaredProp[] };
      const compositions = await loadProject(ctx);
      const comp = compositions.find((c) => c.id === p.compositionId);
      if (!comp) return runnerFailure('no_composition', `This project has no composition "${p.compositionId}"${compositions.length ? ` (it has ${compositions.map((c) => c.id).join(', ')})` : ''}.`, notRetryable);
      const names = new Map((await listAssets(db, projectId)).map((a) => [a.id, a.name]));
      let wired: Record<string, unknown>;
      try {
        wired = resolveCompositionProps(p.props, ctx.inputs, (id) => names.get(id));
      } catch (e) {
        if (e instanceof PropWiringError) return runnerFailure('bad_prop', e.message, notRetryable);
        throw e;
      }
      const output: CompositionOutput = { compositionId: comp.id, width: comp.width, height: comp.height, fps: comp.fps, durationInFrames: comp.durationInFrames, inputProps: { ...comp.defaultProps, ...wired } };
      // A small still a third in, so the node shows what it will render (kept with the output).
      ctx.progress(0.7, 'taking a still');
      const still = await withTimeout(sandbox.get().still(comp.id, output.inputProps, Math.floor(comp.durationInFrames / 3), 240 / comp.width), STILL_TIME_LIMIT_MS).catch(() => null);
      const preview = still ? `data:image/png;base64,${await blobToBase64(still)}` : undefined;
      return ok({ composition: output, ...(preview ? { preview } : {}) });
    },
  };

  const render: NodeRunner = {
    async run(ctx) {
      const comp = ctx.inputs.composition as CompositionOutput | undefined;
      if (!comp?.compositionId) throw new RunnerError('missing_input', 'Connect a Composition.', notRetryable);
      const p = ctx.params as { format: 'mp4' | 'webm'; quality: RenderQuality; where: 'browser' | 'server' };
      const info: CompositionInfo = { id: comp.compositionId, width: comp.width, height: comp.height, fps: comp.fps, durationInFrames: comp.durationInFrames, defaultProps: comp.inputProps, propsSchema: null };
      const assetId = p.where === 'server' ? await onServer(ctx, info, comp.inputProps, p.format) : await inBrowser(ctx, info, comp.inputProps, p);
      return ok({ render: { assetId }, video: { assetId } });
    },
  };

  /** Exports in the off-screen sandbox with the browser's encoders; listed in the Render view too. */
  const inBrowser = async (ctx: RunContext, info: CompositionInfo, inputProps: Record<string, unknown>, p: { format: 'mp4' | 'webm'; quality: RenderQuality }) => {
    const compositions = await loadProject(ctx);
    if (!compositions.some((c) => c.id === info.id)) throw new RunnerError('no_composition', `This project no longer has a composition "${info.id}".`, notRetryable);
    const started = Date.now();
    const record: RenderRecord = { id: newId(), projectId, compositionId: info.id, where: 'browser', container: p.format, state: 'rendering', progress: 0, width: info.width, height: info.height, frames: info.durationInFrames, createdAt: started };
    await saveRender(db, record);
    const job = sandbox.get().render(info.id, inputProps, p.format, (progress) => ctx.progress(0.35 + 0.6 * progress.progress, `rendering ${progress.renderedFrames}/${info.durationInFrames}`), undefined, p.quality);
    const cancel = () => job.cancel();
    ctx.signal.addEventListener('abort', cancel);
    try {
      const blob = await job.promise;
      const asset = await addAsset(db, projectId, `renders/${info.id}-canvas-${fileStamp()}.${p.format}`, new Blob([blob], { type: p.format === 'webm' ? 'video/webm' : 'video/mp4' }));
      await updateRender(db, record.id, { state: 'done', progress: 1, assetId: asset.id, bytes: blob.size, ms: Date.now() - started, finishedAt: Date.now() });
      return asset.id;
    } catch (e) {
      const cancelled = ctx.signal.aborted;
      await updateRender(db, record.id, { state: cancelled ? 'cancelled' : 'failed', error: (e as Error).message, finishedAt: Date.now() });
      if (cancelled) throw new RunnerError('cancelled', 'Cancelled.', notRetryable);
      throw new RunnerError('render_failed', `The render failed: ${e instanceof SandboxError ? e.info.message : (e as Error).message}`, notRetryable);
    } finally {
      ctx.signal.removeEventListener('abort', cancel);
    }
  };

  /** Full resolution on the render server; the render record's id is the operation a reload resumes. */
  const onServer = async (ctx: RunContext, info: CompositionInfo, inputProps: Record<string, unknown>, format: 'mp4' | 'webm') => {
    let record = ctx.resumeFrom ? await getRender(db, ctx.resumeFrom.operationId) : undefined;
    if (!record) {
      ctx.progress(0.05, 'sending to the render server');
      try {
        record = await startServerRender(projectId, info, inputProps, format);
      } catch (e) {
        throw new RunnerError('render_not_started', `The server render could not start: ${(e as Error).message}`, { status: (e as { status?: number }).status || undefined });
      }
      await ctx.checkpoint({ operationId: record.id });
    }
    const id = record.id;
    const ticker = setInterval(() => void getRender(db, id).then((r) => r && ctx.progress(0.1 + 0.85 * r.progress, String(r.stage ?? 'rendering'))), 1000);
    try {
      await followServerRender(record);
    } finally {
      clearInterval(ticker);
    }
    const final = await getRender(db, id);
    if (final?.state === 'done' && final.assetId) return final.assetId;
    throw new RunnerError('render_failed', final?.error ? `The server render failed: ${final.error}` : `The server render ended ${final?.state ?? 'without a record'}.`, notRetryable);
  };

  return { composition, render };
}
