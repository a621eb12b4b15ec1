import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { startNewProject, type StartChoice } from '../../app/start-project';
import { searchProjects, type NewProjectInput, type Project, type ProjectSort } from '../../core/project/project';
import { createProject, listProjects } from '../../db/projects-repo';
import { db } from '../../app/db';
import { createLiveQuery } from '../../app/live-query';
import { InstallButton } from '../shell/install-prompt';
import { OfflineIndicator } from '../shell/offline-indicator';
import { StorageMeter } from '../shell/storage-meter';
import { showToast } from '../shell/toasts';
import { DescribeBox } from './describe-box';
import { NewProjectDialog } from './new-project-dialog';
import { ProjectCard } from './project-card';
import { StarterCards } from './starter-cards';
import { TemplateCards } from './template-cards';
import { RemotionImportDialog } from './remotion-import-dialog';
import type { RemotionImportReport } from '../../app/project-import/import-remotion-project';
import './start.css';

const backupActions = () => import('../../app/backup/backup-actions');
const remotionImport = () => import('../../app/project-import/import-remotion-project');
const droppedFolder = () => import('../../app/project-import/dropped-folder');

/**
 * The projects home. First the ways to start a video without writing code (describe it, a
 * template, a canvas workflow), then every project on this device, searchable, with create and
 * import. Once there are projects they come first and the ways to start get smaller.
 */
export function HomePage() {
  const navigate = useNavigate();
  const projects = createLiveQuery(() => listProjects(db), [] as Project[]);
  const [query, setQuery] = createSignal('');
  const [sort, setSort] = createSignal<ProjectSort>((localStorage.getItem('director.sort') as ProjectSort) || 'updated');
  const [creating, setCreating] = createSignal(false);
  const [importing, setImporting] = createSignal(false);
  const [dragging, setDragging] = createSignal(false);
  const visible = createMemo(() => searchProjects(projects.value(), query(), sort()));
  const hasProjects = () => projects.value().length > 0;
  const [starting, setStarting] = createSignal(false);
  const [imported, setImported] = createSignal<RemotionImportReport | null>(null);
  let fileInput!: HTMLInputElement;
  let folderInput!: HTMLInputElement;
  let searchInput!: HTMLInputElement;

  const create = async (input: NewProjectInput) => {
    const result = await createProject(db, input);
    if (!result.ok) return result.message;
    setCreating(false);
    navigate(`/projects/${result.value.id}`);
    return null;
  };

  /** A new project from a prompt, a template or a starter, opened where the job continues. */
  const start = async (choice: StartChoice) => {
    setStarting(true);
    try {
      const result = await startNewProject(db, choice);
      if (!result.ok) return showToast({ kind: 'error', message: result.message });
      navigate(result.value.path);
    } finally {
      setStarting(false);
    }
  };

  /** Auto-pilot: a fresh landscape project opened on its Auto-pilot tab, where the topic is asked for. */
  const startAutopilot = async () => {
    setStarting(true);
    try {
      const result = await createProject(db, { name: 'Auto-pilot video', width: 1920, height: 1080, fps: 30 });
      if (!result.ok) return showToast({ kind: 'error', message: result.message });
      navigate(`/projects/${result.value.id}/autopilot`);
    } finally {
      setStarting(false);
    }
  };

  const gallery = (small: boolean) => (
    <section class="start-gallery" classList={{ small }} aria-label="Ways to start a video">
      <div class="start-gallery-head">
        <h2>Start from a topic</h2>
        <p class="hint">Auto-pilot writes a script, finds or designs the pictures, speaks it with subtitles and renders an MP4.</p>
      </div>
      <div>
        <button type="button" class="button primary" data-testid="home-autopilot" disabled={starting()} onClick={() => void startAutopilot()}>
          Auto-pilot from a topic
        </button>
      </div>
      <div class="start-gallery-head">
        <h2>Start from a template</h2>
        <p class="hint">Multi-scene videos that build and play at once; change their texts, colours and code.</p>
      </div>
      <TemplateCards size={small ? 'small' : 'large'} busy={starting()} onPick={(templateId) => void start({ kind: 'template', templateId })} />
      <div class="start-gallery-head">
        <h2>Start from a canvas workflow</h2>
        <p class="hint">Generation steps wired on the node canvas: add your photo or music, then run them.</p>
      </div>
      <StarterCards small={small} busy={starting()} onPick={(starterName) => void start({ kind: 'starter', starterName })} />
    </section>
  );

  /** A .zip: a Director backup when it has one's manifest, otherwise a Remotion project. */
  const importFiles = async (files: FileList | File[] | null) => {
    const file = files?.[0];
    if (!file) return;
    setImporting(true);
    try {
      const result = await (await backupActions()).importProjectArchive(file);
      if (result.ok) return showToast({ kind: 'info', message: `Imported “${result.value.name}”.` });
      const maybeRemotion = (result.code === 'missing_manifest' || result.code === 'too_many_entries') && !/\.director\.zip$/i.test(file.name);
      const remotion = maybeRemotion ? await (await remotionImport()).importRemotionZip(file) : null;
      if (remotion?.ok) setImported(remotion.value);
      // Neither a backup nor a project: the backup's message says what Import takes.
      else showToast({ kind: 'error', message: remotion && remotion.code !== 'no_project' ? remotion.message : result.message });
    } finally {
      setImporting(false);
      fileInput.value = '';
    }
  };

  /** A Remotion project folder, from the folder picker or a drop. */
  const importFolder = async (folder: Promise<{ name: string; files: { path: string; file: File }[] } | null>) => {
    setImporting(true);
    try {
      const chosen = await folder;
      if (chosen) await showRemotionImport((await remotionImport()).importRemotionFolder(chosen.name, chosen.files));
    } catch (e) {
      showToast({ kind: 'error', message: `The folder could not be read: ${(e as Error).message}` });
    } finally {
      setImporting(false);
      folderInput.value = '';
    }
  };

  const showRemotionImport = async (pending: ReturnType<Awaited<ReturnType<typeof remotionImport>>['importRemotionZip']>) => {
    const result = await pending;
    if (result.ok) setImported(result.value);
    else showToast({ kind: 'error', message: result.message });
  };

  const exportProject = async (project: Project) => {
    const result = await (await backupActions()).downloadProjectArchive(project.id);
    if (!result.ok) showToast({ kind: 'error', message: result.message });
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLElement && e.target.closest('input, textarea, select, dialog, [role=dialog]')) return;
    if (e.key === 'n' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      setCreating(true);
    } else if (e.key === '/') {
      e.preventDefault();
      searchInput.focus();
    }
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  return (
    <div
      class="page home"
      classList={{ dragging: dragging() }}
      onDragOver={(e) => {
        if (e.dataTransfer?.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const items = e.dataTransfer?.items;
        const hasFolder = !!items && [...items].some((i) => i.webkitGetAsEntry?.()?.isDirectory);
        if (hasFolder) void importFolder(droppedFolder().then((m) => m.filesOfDroppedFolder(items)));
        else void importFiles(e.dataTransfer?.files ?? null);
      }}
    >
      <header class="topbar">
        <h1 class="brand">Director</h1>
        <OfflineIndicator />
        <div class="spacer" />
        <StorageMeter compact />
        <InstallButton />
        <A class="button" href="/settings">
          Settings
        </A>
      </header>

      <main class="home-main">
        <Show when={projects.loaded()}>
          <section class="home-start" classList={{ compact: hasProjects() }}>
            <DescribeBox
              compact={hasProjects()}
              busy={starting()}
              lead="The Director writes it as a Remotion video you can watch, edit and export, all in your browser."
              onSubmit={(prompt) => void start({ kind: 'prompt', prompt })}
            />
          </section>
          <Show when={!hasProjects()}>{gallery(false)}</Show>
        </Show>

        <div class="toolbar">
          <h2 class="home-projects-title">Your projects</h2>
          <input
            ref={searchInput}
            class="search"
            type="search"
            placeholder="Search projects  ( / )"
            aria-label="Search projects"
            value={query()}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          <label class="sort">
            <span>Sort</span>
            <select
              aria-label="Sort projects"
              value={sort()}
              onChange={(e) => {
                setSort(e.currentTarget.value as ProjectSort);
                localStorage.setItem('director.sort', e.currentTarget.value);
              }}
            >
              <option value="updated">Last edited</option>
              <option value="created">Newest</option>
              <option value="name">Name</option>
            </select>
          </label>
          <div class="spacer" />
          <input ref={fileInput} type="file" accept=".zip,application/zip" hidden data-testid="import-input" onChange={(e) => void importFiles(e.currentTarget.files)} />
          <input
            ref={(el) => {
              folderInput = el;
              el.setAttribute('webkitdirectory', '');
            }}
            type="file"
            hidden
            data-testid="import-folder-input"
            onChange={(e) => e.currentTarget.files?.length && void importFolder(droppedFolder().then((m) => m.filesOfDirectoryInput(e.currentTarget.files!)))}
          />
          <button class="button" onClick={() => fileInput.click()} disabled={importing()} title="A .director.zip backup or a .zip of a Remotion project">
            {importing() ? 'Importing…' : 'Import'}
          </button>
          <button class="button" onClick={() => folderInput.click()} disabled={importing()} title="A Remotion project folder (the one with package.json); node_modules is skipped">
            Open Remotion folder
          </button>
          <button class="button primary" onClick={() => setCreating(true)} title="New project (N)">
            New project
          </button>
        </div>

        <Show when={projects.error()}>
          <p class="error-text" role="alert">
            Could not read your projects: {projects.error()!.message}
          </p>
        </Show>

        <Show when={projects.loaded()}>
          <Show
            when={projects.value().length > 0}
            fallback={
              <section class="empty-state home-empty">
                <h2>No projects yet</h2>
                <p>Your videos will be listed here. Start one above, make an empty one with New project, or drop a .director.zip backup, a Remotion project folder or its .zip on this page to import it.</p>
              </section>
            }
          >
            <Show when={visible().length > 0} fallback={<p class="hint">No project matches “{query()}”.</p>}>
              <section class="project-grid" aria-label="Projects">
                <For each={visible()}>{(p) => <ProjectCard project={p} onExport={exportProject} />}</For>
              </section>
            </Show>
          </Show>
          <Show when={hasProjects()}>{gallery(true)}</Show>
        </Show>
      </main>

      <NewProjectDialog open={creating()} onCancel={() => setCreating(false)} onCreate={create} />
      <RemotionImportDialog
        report={imported()}
        onClose={() => setImported(null)}
        onOpen={() => {
          const id = imported()!.project.id;
          setImported(null);
          navigate(`/projects/${id}`);
        }}
      />
    </div>
  );
}
