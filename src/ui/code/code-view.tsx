import { createEffect, createMemo, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { formatDiagnostic } from '../../core/bundler/build-diagnostics';
import type { RuntimeErrorInfo } from '../../core/preview/sandbox-protocol';
import { createFile, deleteFile, listFiles, renameFile, writeFile } from '../../db/files-repo';
import { loadCompositionProps, saveCompositionProps } from '../../db/composition-props-repo';
import { db } from '../../app/db';
import { createLiveQuery } from '../../app/live-query';
import { createProjectBuild } from '../preview/create-project-build';
import { PreviewPanel } from '../preview/preview-panel';
import { PropsEditor } from '../preview/props-editor';
import type { SandboxHost } from '../../app/preview/sandbox-host';
import { useProject } from '../project/project-context';
import { StartChoices } from '../project/start-choices';
import { showToast } from '../shell/toasts';
import { downloadBlob } from '../../app/render/download-blob';
import { setProjectThumbnail } from '../../db/thumbnail-repo';
import { CodeEditor } from './code-editor';
import { FileTree } from './file-tree';
import { VersionsPanel } from './versions-panel';
import { ChatPanel } from '../agent/chat-panel';
import { listAssets } from '../../db/assets-repo';

const SAVE_DELAY_MS = 400;

/** Source on the left, preview on the right: edits save as you type and the preview follows. */
export default function CodeView() {
  const project = useProject();
  // Captured: cleanups run after the project page's <Show> has let go of the project accessor.
  const projectId = project().id;
  const files = createLiveQuery(() => listFiles(db, projectId), []);
  const assets = createLiveQuery(() => listAssets(db, projectId), []);
  const [drafts, setDrafts] = createSignal<ReadonlyMap<string, string>>(new Map());
  const [selected, setSelected] = createSignal<string | null>(null);
  const [sandbox, setSandbox] = createSignal<SandboxHost>();
  const [runtimeError, setRuntimeError] = createSignal<RuntimeErrorInfo | null>(null);
  const [compositionId, setCompositionId] = createSignal<string | null>(localStorage.getItem(`director.composition.${projectId}`));
  const [propsOverrides, setPropsOverrides] = createSignal<Record<string, unknown>>({});
  const saveTimers = new Map<string, ReturnType<typeof setTimeout>>();
  // A project without code opens on the Director: describing the video is the quickest start.
  const [leftPanel, setLeftPanel] = createSignal<'files' | 'agent'>('files');
  createEffect(on(files.loaded, (loaded) => loaded && files.value().length === 0 && setLeftPanel('agent'), { defer: true }));

  const merged = createMemo<ReadonlyMap<string, string>>(() => {
    const map = new Map(files.value().map((f) => [f.path, f.content]));
    for (const [path, content] of drafts()) if (map.has(path)) map.set(path, content);
    return map;
  });
  const paths = createMemo(() => [...merged().keys()].sort());
  const openPath = () => {
    const s = selected();
    if (s && merged().has(s)) return s;
    return paths().find((p) => /Root\.tsx$/.test(p)) ?? paths()[0] ?? null;
  };
  const assetList = createMemo(() => assets.value().map((a) => ({ name: a.name, blob: a.blob })));

  const build = createProjectBuild({ projectId: () => projectId, files: merged, assets: assetList, sandbox, ready: () => files.loaded() && assets.loaded() });
  const currentComposition = () => build.compositions().find((c) => c.id === compositionId()) ?? build.compositions()[0];
  const inputProps = createMemo(() => ({ ...(currentComposition()?.defaultProps ?? {}), ...propsOverrides() }));
  const errorsByPath = createMemo(() => {
    const counts = new Map<string, number>();
    for (const d of build.diagnostics()) if (d.severity === 'error') counts.set(d.file, (counts.get(d.file) ?? 0) + 1);
    return counts;
  });

  const selectComposition = (id: string) => {
    setCompositionId(id);
    localStorage.setItem(`director.composition.${projectId}`, id);
  };
  // The props a person set for the shown composition come back with it.
  createEffect(
    on(
      () => currentComposition()?.id,
      (id) => id && void loadCompositionProps(db, projectId, id).then(setPropsOverrides),
    ),
  );
  // A fresh bundle clears the last runtime error; a new one will be reported again.
  createEffect(on(build.generation, () => setRuntimeError(null), { defer: true }));
  // The first good build gives a project without a thumbnail its picture, from a frame a third in.
  createEffect(
    on(build.generation, async (generation) => {
      const comp = currentComposition();
      const sb = sandbox();
      if (generation === 0 || !comp || !sb || project().thumbnailAssetId) return;
      const still = await sb.still(comp.id, inputProps(), Math.floor(comp.durationInFrames / 3), 320 / comp.width).catch(() => null);
      if (still && !project().thumbnailAssetId) await setProjectThumbnail(db, projectId, still);
    }),
  );

  const save = async (path: string) => {
    clearTimeout(saveTimers.get(path));
    saveTimers.delete(path);
    const content = drafts().get(path);
    if (content === undefined) return;
    const result = await writeFile(db, projectId, path, content);
    if (!result.ok) return showToast({ kind: 'error', message: result.message });
    setDrafts((d) => {
      if (d.get(path) !== content) return d; // typed again meanwhile
      const next = new Map(d);
      next.delete(path);
      return next;
    });
  };
  const edit = (path: string, content: string) => {
    setDrafts((d) => new Map(d).set(path, content));
    clearTimeout(saveTimers.get(path));
    saveTimers.set(path, setTimeout(() => void save(path), SAVE_DELAY_MS));
  };
  const flush = () => {
    for (const path of [...saveTimers.keys()]) void save(path);
  };
  const flushNow = async () => {
    await Promise.all([...drafts().keys()].map((path) => save(path)));
  };
  window.addEventListener('beforeunload', flush);
  onCleanup(() => {
    window.removeEventListener('beforeunload', flush);
    flush();
  });

  const report = (result: { ok: boolean; message?: string }) => !result.ok && showToast({ kind: 'error', message: result.message ?? 'That did not work.' });

  return (
    <Show when={files.loaded()}>
      <div class="code-view" classList={{ 'with-agent': leftPanel() === 'agent' }}>
        <div class="left-panel">
          <div class="left-tabs" role="tablist">
            <button role="tab" aria-selected={leftPanel() === 'files'} classList={{ active: leftPanel() === 'files' }} onClick={() => setLeftPanel('files')}>
              Files
            </button>
            <button role="tab" aria-selected={leftPanel() === 'agent'} classList={{ active: leftPanel() === 'agent' }} onClick={() => setLeftPanel('agent')}>
              Director
            </button>
          </div>
          <Show when={leftPanel() === 'agent'}>
            <ChatPanel projectId={projectId} />
          </Show>
          <Show when={leftPanel() === 'files'}>
        <FileTree
          paths={paths()}
          selected={openPath()}
          errorsByPath={errorsByPath()}
          onSelect={setSelected}
          onCreate={async (path) => {
            const r = await createFile(db, projectId, path, path.endsWith('.tsx') ? `export const ${path.split('/').pop()!.replace(/\.tsx$/, '').replace(/\W/g, '')}: React.FC = () => {\n  return null;\n};\n` : '');
            report(r);
            if (r.ok) setSelected(path);
          }}
          onRename={async (from, to) => {
            await save(from);
            const r = await renameFile(db, projectId, from, to);
            report(r);
            if (r.ok && selected() === from) setSelected(to);
          }}
          onDelete={(path) => void deleteFile(db, projectId, path)}
        />
          </Show>
        </div>
        <div class="editor-column">
          <div class="editor-head">
            <code>{openPath()}</code>
            <span class="hint" data-testid="save-state">{drafts().size ? 'Saving…' : 'Saved'}</span>
          </div>
          <Show when={openPath()} keyed fallback={<StartChoices projectId={projectId} omit={['describe']} onStarted={() => setLeftPanel('files')} />}>
            {(path) => (
              <CodeEditor path={path} content={merged().get(path) ?? ''} diagnostics={build.diagnostics()} onChange={(c) => edit(path, c)} onSave={() => void save(path)} />
            )}
          </Show>
          <section class="problems" aria-label="Problems" data-testid="problems">
            <div class="problems-head">
              <strong>Problems</strong>
              <span class="hint" data-testid="build-status">
                {build.status() === 'building' ? 'Building…' : build.status() === 'ready' ? `Built in ${build.buildMs()} ms` : build.status() === 'error' ? 'Last build failed; the preview shows the last good one' : ''}
              </span>
            </div>
            <ul>
              <For each={build.diagnostics()}>
                {(d) => (
                  <li class={d.severity}>
                    <button class="link" onClick={() => d.file && setSelected(d.file)}>
                      {formatDiagnostic(d)}
                    </button>
                  </li>
                )}
              </For>
              <Show when={build.loadError()}>{(e) => <li class="error">{e().message}</li>}</Show>
              <Show when={runtimeError()}>
                {(e) => (
                  <li class="error" data-testid="runtime-error">
                    Runtime error: {e().message}
                    <Show when={e().componentStack}>{(stack) => <pre class="component-stack">{stack().trim()}</pre>}</Show>
                  </li>
                )}
              </Show>
            </ul>
          </section>
        </div>
        <div class="preview-column">
          <PreviewPanel
            projectId={projectId}
            compositions={build.compositions}
            generation={build.generation}
            selected={() => currentComposition()?.id ?? null}
            onSelect={selectComposition}
            inputProps={inputProps}
            onSandbox={setSandbox}
            // One error arrives several ways (React's boundary with its component stack, the player's
            // and the window's without): a later copy without the stack does not replace the richer one.
            onRuntimeError={(e) => setRuntimeError((prev) => (prev && prev.message === e.message && prev.componentStack && !e.componentStack ? prev : e))}
            onStill={(png, compId, frame) => {
              downloadBlob(png, `${compId}-frame-${frame}.png`);
              showToast({ kind: 'info', message: `Saved frame ${frame} as a PNG.`, action: { label: 'Use as thumbnail', run: () => void setProjectThumbnail(db, projectId, png) } });
            }}
          />
          <VersionsPanel
            projectId={projectId}
            current={merged}
            flush={flushNow}
            still={async () => {
              const comp = currentComposition();
              const sb = sandbox();
              if (!comp || !sb || build.status() !== 'ready') return null;
              return sb.still(comp.id, inputProps(), Math.floor(comp.durationInFrames / 3), 160 / comp.width).catch(() => null);
            }}
          />
          <Show when={currentComposition()}>
            {(comp) => (
              <details class="props-panel" open>
                <summary>Props of {comp().id}</summary>
                <PropsEditor
                  schema={comp().propsSchema}
                  values={inputProps()}
                  onChange={(values) => {
                    setPropsOverrides(values);
                    void saveCompositionProps(db, projectId, comp().id, values);
                  }}
                />
                <button class="button small" onClick={() => (setPropsOverrides({}), void saveCompositionProps(db, projectId, comp().id, {}))}>
                  Reset to defaults
                </button>
              </details>
            )}
          </Show>
        </div>
      </div>
    </Show>
  );
}
