import { createEffect, createMemo, createSignal, For, on, onMount, Show } from 'solid-js';
import { findEntry } from '../../core/bundler/find-entry';
import { declaredCompositions, findUnsupportedDependencies } from '../../core/project-import';
import type { CompositionInfo } from '../../core/preview/sandbox-protocol';
import { fileStamp } from '../../core/util/format';
import { formatTimeLeft, type RenderRecord } from '../../core/render/render-record';
import { describeCssIssues, type CssIssue } from '../../core/preview/web-render-css';
import { formatBytes } from '../../core/util/format';
import { newId } from '../../core/util/ids';
import { addAsset, getAsset } from '../../db/assets-repo';
import { loadCompositionProps } from '../../db/composition-props-repo';
import { listRenders, markInterruptedRenders, saveRender, updateRender } from '../../db/renders-repo';
import { db } from '../../app/db';
import { createLiveQuery } from '../../app/live-query';
import { createProjectBuild } from '../preview/create-project-build';
import { createStoredSources } from '../preview/create-stored-sources';
import { PreviewPanel } from '../preview/preview-panel';
import type { SandboxHost } from '../../app/preview/sandbox-host';
import { useProject } from '../project/project-context';
import { StartChoices } from '../project/start-choices';
import { relativeTime } from '../shell/relative-time';
import { showToast } from '../shell/toasts';
import { downloadBlob } from '../../app/render/download-blob';

interface ActiveRender {
  id: string;
  progress: number;
  etaMs: number | null;
  frames: string;
  cancel: () => void;
}

/** Export a composition to MP4 or WebM in the browser, with progress, time left and cancel; past exports to play and download. */
export default function RenderView() {
  const project = useProject();
  const sources = createStoredSources(() => project().id);
  const [sandbox, setSandbox] = createSignal<SandboxHost>();
  const build = createProjectBuild({ projectId: () => project().id, files: sources.fileMap, assets: sources.assetList, sandbox, ready: () => sources.files.loaded() && sources.assets.loaded() });
  const [compositionId, setCompositionId] = createSignal<string | null>(localStorage.getItem(`director.composition.${project().id}`));
  const current = () => build.compositions().find((c) => c.id === compositionId()) ?? build.compositions()[0];
  const [inputProps, setInputProps] = createSignal<Record<string, unknown>>({});
  const [container, setContainer] = createSignal<'mp4' | 'webm'>('mp4');
  const [cssIssues, setCssIssues] = createSignal<CssIssue[] | null>(null);
  const [active, setActive] = createSignal<ActiveRender | null>(null);
  const [playing, setPlaying] = createSignal<{ id: string; url: string } | null>(null);
  /** Why the last server render did not start (e.g. the render service is not running), until the next try. */
  const [serverError, setServerError] = createSignal<string | null>(null);
  const renders = createLiveQuery(() => listRenders(db, project().id), [] as RenderRecord[]);
  /** Packages the project imports that the browser engine lacks: only the server render can make this video. */
  const blockers = createMemo(() => {
    const files = sources.fileMap();
    const entry = findEntry(files);
    return entry ? findUnsupportedDependencies(files, new Set(sources.assetList().map((a) => a.name)), entry) : [];
  });
  /** Without a build, the compositions come from the sources' text; the render service reads the real ones. */
  const serverTarget = (): CompositionInfo | undefined => current() ?? declaredCompositions(sources.fileMap()).find((c) => c.id === compositionId()) ?? declaredCompositions(sources.fileMap())[0];

  onMount(() => {
    void markInterruptedRenders(db, project().id, new Set());
    void import('../../app/render/server-render').then((m) => m.resumeServerRenders(project().id));
  });

  const renderOnServer = async () => {
    const comp = serverTarget();
    if (!comp) return;
    setServerError(null);
    try {
      const { startServerRender } = await import('../../app/render/server-render');
      await startServerRender(project().id, comp, inputProps(), container());
      showToast({ kind: 'info', message: `Sent ${comp.id} to the render server at full resolution.` });
    } catch (e) {
      // Shown beside the button (not as a toast) so it stays until the next try.
      setServerError(`The server render could not start: ${(e as Error).message}`);
    }
  };

  createEffect(
    on([() => current()?.id, build.generation], async ([id]) => {
      if (!id) return;
      const props = { ...current()!.defaultProps, ...(await loadCompositionProps(db, project().id, id)) };
      setInputProps(props);
      setCssIssues(null);
      const issues = await sandbox()?.inspectCss(id, props).catch(() => []);
      setCssIssues(issues ?? []);
    }),
  );

  const exportVideo = async () => {
    const comp = current();
    const sb = sandbox();
    if (!comp || !sb || active()) return;
    const id = newId();
    const started = performance.now();
    const record: RenderRecord = {
      id,
      projectId: project().id,
      compositionId: comp.id,
      where: 'browser',
      container: container(),
      state: 'rendering',
      progress: 0,
      width: comp.width,
      height: comp.height,
      frames: comp.durationInFrames,
      createdAt: Date.now(),
    };
    await saveRender(db, record);
    let lastSaved = 0;
    const job = sb.render(comp.id, inputProps(), container(), (p) => {
      setActive((a) => a && { ...a, progress: p.progress, etaMs: p.etaMs, frames: `${p.encodedFrames} / ${comp.durationInFrames}` });
      if (p.progress - lastSaved >= 0.1) {
        lastSaved = p.progress;
        void updateRender(db, id, { progress: p.progress });
      }
    });
    setActive({ id, progress: 0, etaMs: null, frames: `0 / ${comp.durationInFrames}`, cancel: job.cancel });
    try {
      const blob = await job.promise;
      const type = container() === 'mp4' ? 'video/mp4' : 'video/webm';
      const stamp = fileStamp();
      const asset = await addAsset(db, project().id, `renders/${comp.id}-${stamp}.${container()}`, new Blob([blob], { type }));
      const ms = Math.round(performance.now() - started);
      await updateRender(db, id, { state: 'done', progress: 1, assetId: asset.id, bytes: blob.size, ms, finishedAt: Date.now() });
      showToast({ kind: 'info', message: `Exported ${comp.id} (${formatBytes(blob.size)}) in ${(ms / 1000).toFixed(1)} s.`, action: { label: 'Download', run: () => downloadBlob(asset.blob, asset.name.split('/').pop()!) } });
    } catch (e) {
      const cancelled = /abort/i.test(String((e as Error).message ?? e));
      await updateRender(db, id, cancelled ? { state: 'cancelled', finishedAt: Date.now() } : { state: 'failed', error: (e as Error).message, finishedAt: Date.now() });
      if (!cancelled) showToast({ kind: 'error', message: `The export failed: ${(e as Error).message}`, action: { label: 'Render on server', run: () => void renderOnServer() } });
    } finally {
      setActive(null);
    }
  };

  const download = async (r: RenderRecord) => {
    const asset = r.assetId ? await getAsset(db, r.assetId) : undefined;
    if (!asset) return showToast({ kind: 'error', message: 'This export’s file is no longer stored.' });
    downloadBlob(asset.blob, asset.name.split('/').pop()!);
  };
  const play = async (r: RenderRecord) => {
    const previous = playing();
    if (previous) URL.revokeObjectURL(previous.url);
    const asset = r.assetId ? await getAsset(db, r.assetId) : undefined;
    setPlaying(asset && previous?.id !== r.id ? { id: r.id, url: URL.createObjectURL(asset.blob) } : null);
  };

  return (
    <div class="render-view">
      <section class="render-setup">
        <StartChoices projectId={project().id} />
        <PreviewPanel
          projectId={project().id}
          compositions={build.compositions}
          generation={build.generation}
          selected={() => current()?.id ?? null}
          onSelect={(id) => setCompositionId(id)}
          inputProps={inputProps}
          onSandbox={setSandbox}
          onRuntimeError={(e) => showToast({ kind: 'error', message: `The composition failed while rendering: ${e.message}` })}
        />
        <Show when={blockers().length > 0}>
          <div class="warning-text server-fallback" role="alert" data-testid="browser-engine-blockers">
            <p>
              The browser engine cannot render this project: it {blockers().map((d) => d.message.replace(/\.$/, '')).join('; it ')}. The render service (full @remotion/renderer) can
              {blockers().some((d) => d.support === 'unsupported') ? ', if the package is installed there' : ''}.
            </p>
            <Show when={!current() && declaredCompositions(sources.fileMap()).length > 0}>
              <label class="field">
                <span>Composition</span>
                <select aria-label="Composition for the server render" value={serverTarget()?.id} onChange={(e) => setCompositionId(e.currentTarget.value)}>
                  <For each={declaredCompositions(sources.fileMap())}>{(c) => <option value={c.id}>{c.id}</option>}</For>
                </select>
              </label>
            </Show>
            <button class="button primary" disabled={!serverTarget()} onClick={() => void renderOnServer()}>
              Render on server
            </button>
          </div>
        </Show>
        <Show when={build.status() === 'error' && blockers().length === 0}>
          <p class="error-text" role="alert">
            The project does not build. Fix it in the Code view first.
          </p>
        </Show>
        <div class="render-options">
          <label class="field">
            <span>Format</span>
            <select aria-label="Format" value={container()} onChange={(e) => setContainer(e.currentTarget.value as 'mp4' | 'webm')}>
              <option value="mp4">MP4 (H.264)</option>
              <option value="webm">WebM (VP9)</option>
            </select>
          </label>
          <Show when={current()}>
            {(c) => (
              <span class="hint">
                {c().width}×{c().height} · {c().fps} fps · {c().durationInFrames} frames ({(c().durationInFrames / c().fps).toFixed(1)} s)
              </span>
            )}
          </Show>
          <button class="button primary" disabled={!current() || !!active() || build.status() !== 'ready'} onClick={() => void exportVideo()}>
            {cssIssues()?.length ? 'Export in browser anyway' : 'Export in browser'}
          </button>
          <button class="button" disabled={!current() || build.status() !== 'ready'} onClick={() => void renderOnServer()} title="Full resolution with @remotion/renderer, through the edge">
            Render on server
          </button>
        </div>
        <Show when={serverError()}>
          <p class="error-text" role="alert" data-testid="server-render-error">
            {serverError()}
          </p>
        </Show>
        <Show when={cssIssues()?.length}>
          <p class="warning-text" role="alert" data-testid="css-warning">
            This composition uses CSS the in-browser exporter cannot draw ({describeCssIssues(cssIssues()!)}): the video may differ from the preview. A server render draws it exactly
            (it needs an edge configured in Settings).
          </p>
        </Show>
        <Show when={active()}>
          {(a) => (
            <div class="render-progress" data-testid="render-progress">
              <progress max={1} value={a().progress} aria-label="Export progress" />
              <span>
                {Math.round(a().progress * 100)}% · frame {a().frames} · {formatTimeLeft(a().etaMs)}
              </span>
              <button class="button small danger" onClick={() => a().cancel()}>
                Cancel
              </button>
            </div>
          )}
        </Show>
      </section>
      <section class="render-list" aria-label="Exports">
        <h2>Exports</h2>
        <Show when={renders.value().length} fallback={<p class="hint">No exports yet.</p>}>
          <ul>
            <For each={renders.value()}>
              {(r) => (
                <li class="render-row" data-state={r.state} data-testid="render-row">
                  <div>
                    <strong>{r.compositionId}</strong> <span class="hint">{r.container.toUpperCase()} · {r.width}×{r.height} · {r.frames} frames · {relativeTime(r.createdAt)}</span>
                  </div>
                  <div class="hint">
                    {r.where === 'server' ? 'Server · ' : 'Browser · '}
                    {r.state === 'done' ? `${formatBytes(r.bytes ?? 0)} in ${((r.ms ?? 0) / 1000).toFixed(1)} s` : r.state === 'rendering' ? `${Math.round(r.progress * 100)}%${r.stage ? ` · ${String(r.stage)}` : ''}` : r.state}
                    <Show when={r.error}> — {r.error}</Show>
                  </div>
                  <Show when={r.where === 'server' && r.state === 'rendering'}>
                    <div class="inline">
                      <progress max={1} value={r.progress} aria-label={`Server render progress of ${r.compositionId}`} />
                      <button class="button small danger" onClick={() => void import('../../app/render/server-render').then((m) => m.cancelServerRender(r))}>
                        Cancel
                      </button>
                    </div>
                  </Show>
                  <Show when={r.state === 'done'}>
                    <div class="inline">
                      <button class="button small" onClick={() => void play(r)}>
                        {playing()?.id === r.id ? 'Hide' : 'Play'}
                      </button>
                      <button class="button small" onClick={() => void download(r)}>
                        Download
                      </button>
                    </div>
                  </Show>
                  <Show when={playing()?.id === r.id}>
                    <video src={playing()!.url} controls autoplay class="render-video" />
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </div>
  );
}
