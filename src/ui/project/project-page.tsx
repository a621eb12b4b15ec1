import { A, useParams, type RouteSectionProps } from '@solidjs/router';
import { createSignal, For, onMount, Show } from 'solid-js';
import { warmUpPreview } from '../../app/preview/warm-up-preview';
import { FPS_CHOICES, SIZE_PRESETS, type NewProjectInput, type Project } from '../../core/project/project';
import { getProject, projectCounts, updateProject } from '../../db/projects-repo';
import { db } from '../../app/db';
import { createLiveQuery } from '../../app/live-query';
import { OfflineIndicator } from '../shell/offline-indicator';
import { showToast } from '../shell/toasts';
import { ProjectContext } from './project-context';
import { ShareDialog } from '../share/share-dialog';

export const PROJECT_VIEWS = [
  { id: 'canvas', label: 'Canvas' },
  { id: 'storyboard', label: 'Storyboard' },
  { id: 'autopilot', label: 'Auto-pilot' },
  { id: 'code', label: 'Code' },
  { id: 'assets', label: 'Assets' },
  { id: 'render', label: 'Render' },
] as const;

/** One project: its name, size and frame rate, and the tabs of its views. */
export default function ProjectPage(props: RouteSectionProps) {
  const params = useParams<{ id: string }>();
  onMount(() => {
    if (/\/(code|render)$/.test(location.pathname)) warmUpPreview();
    else requestIdleCallback(() => warmUpPreview(), { timeout: 3000 });
  });
  const project = createLiveQuery(() => getProject(db, params.id), undefined as Project | undefined);
  const [sharing, setSharing] = createSignal(false);
  const counts = createLiveQuery(() => projectCounts(db, params.id), { files: 0, assets: 0, versions: 0 });
  const countsText = () => `${counts.value().files} files · ${counts.value().assets} assets · ${counts.value().versions} versions`;


  const save = async (patch: Partial<NewProjectInput>) => {
    // A user-timing measure per save: visible in DevTools, read by `npm run bench`.
    const start = performance.now();
    const result = await updateProject(db, params.id, patch);
    performance.measure('director:save', { start, end: performance.now() });
    if (!result.ok) showToast({ kind: 'error', message: result.message });
  };

  return (
    <Show
      when={project.value()}
      fallback={
        <Show when={project.loaded()}>
          <main class="page empty-state">
            <h1>Project not found</h1>
            <p>It may have been deleted, here or in another tab.</p>
            <A class="button primary" href="/">
              Back to your projects
            </A>
          </main>
        </Show>
      }
    >
      {(p) => (
        <ProjectContext.Provider value={p}>
          <div class="page project" data-ready={counts.loaded() ? 'true' : undefined}>
            <header class="topbar">
              <A href="/" class="button" aria-label="All projects">
                ← Projects
              </A>
              <ProjectNameInput name={p().name} onSave={(name) => save({ name })} />
              <ProjectFormat project={p()} onSave={save} />
              <OfflineIndicator />
              <div class="spacer" />
              <span class="hint" data-testid="project-counts" title={countsText()}>
                {countsText()}
              </span>
              <button class="button" onClick={() => setSharing(true)} title="Share an end-to-end encrypted link">
                Share
              </button>
              <Show when={sharing()}>
                <ShareDialog projectId={p().id} projectName={p().name} onClose={() => setSharing(false)} />
              </Show>
              <button
                class="button"
                onClick={async () => {
                  const result = await (await import('../../app/backup/backup-actions')).downloadProjectArchive(p().id);
                  if (!result.ok) showToast({ kind: 'error', message: result.message });
                }}
              >
                Export
              </button>
            </header>
            <nav class="tabs" aria-label="Project views">
              <For each={PROJECT_VIEWS}>
                {(view) => (
                  <A href={`/projects/${p().id}/${view.id}`} class="tab" activeClass="active">
                    {view.label}
                  </A>
                )}
              </For>
            </nav>
            <div class="view">{props.children}</div>
          </div>
        </ProjectContext.Provider>
      )}
    </Show>
  );
}

/** The name, edited in place; saved on Enter or when focus leaves, Escape puts it back. */
function ProjectNameInput(props: { name: string; onSave: (name: string) => void }) {
  const [draft, setDraft] = createSignal<string | null>(null);
  const commit = () => {
    const value = draft();
    setDraft(null);
    if (value !== null && value.trim() !== props.name) props.onSave(value);
  };
  return (
    <input
      class="title-input"
      aria-label="Project name"
      maxLength={120}
      value={draft() ?? props.name}
      onInput={(e) => setDraft(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          setDraft(null);
          e.currentTarget.value = props.name;
          e.currentTarget.blur();
        }
      }}
      onBlur={commit}
    />
  );
}

function ProjectFormat(props: { project: Project; onSave: (patch: Partial<NewProjectInput>) => void }) {
  const presetId = () => SIZE_PRESETS.find((s) => s.width === props.project.width && s.height === props.project.height)?.id ?? 'custom';
  return (
    <div class="format">
      <select
        aria-label="Video size"
        value={presetId()}
        onChange={(e) => {
          const preset = SIZE_PRESETS.find((s) => s.id === e.currentTarget.value);
          if (preset) props.onSave({ width: preset.width, height: preset.height });
        }}
      >
        <For each={SIZE_PRESETS}>{(s) => <option value={s.id}>{s.label}</option>}</For>
        <Show when={presetId() === 'custom'}>
          <option value="custom">
            Custom {props.project.width}×{props.project.height}
          </option>
        </Show>
      </select>
      <select aria-label="Frame rate" value={props.project.fps} onChange={(e) => props.onSave({ fps: Number(e.currentTarget.value) })}>
        <For each={[...new Set([...FPS_CHOICES, props.project.fps])].sort((a, b) => a - b)}>{(f) => <option value={f}>{f} fps</option>}</For>
      </select>
    </div>
  );
}
