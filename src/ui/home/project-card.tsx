import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { Project } from '../../core/project/project';
import { renameProject } from '../../db/projects-repo';
import { db } from '../../app/db';
import { relativeTime } from '../shell/relative-time';
import { showToast } from '../shell/toasts';
import { deleteWithUndo, duplicateWithToast } from './project-actions';
import { ProjectThumbnail } from './project-thumbnail';

export interface ProjectCardProps {
  project: Project;
  onExport: (project: Project) => void;
}

/** One project on the home page: open, rename in place, duplicate, export, delete. */
export function ProjectCard(props: ProjectCardProps) {
  const [renaming, setRenaming] = createSignal(false);

  const commitRename = async (value: string) => {
    setRenaming(false);
    if (value.trim() === props.project.name) return;
    const result = await renameProject(db, props.project.id, value);
    if (!result.ok) showToast({ kind: 'error', message: result.message });
  };

  return (
    <article class="project-card" data-testid="project-card" data-project-id={props.project.id} aria-label={props.project.name}>
      <A href={`/projects/${props.project.id}`} class="project-open" aria-label={`Open ${props.project.name}`}>
        <ProjectThumbnail project={props.project} />
      </A>
      <div class="project-info">
        <Show
          when={renaming()}
          fallback={
            <h3 class="project-name" onDblClick={() => setRenaming(true)} title="Double-click to rename">
              {props.project.name}
            </h3>
          }
        >
          <input
            class="rename-input"
            aria-label="Project name"
            value={props.project.name}
            maxLength={120}
            ref={(el) => queueMicrotask(() => el.select())}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void commitRename(e.currentTarget.value);
              if (e.key === 'Escape') setRenaming(false);
            }}
            onBlur={(e) => renaming() && void commitRename(e.currentTarget.value)}
          />
        </Show>
        <p class="project-meta">
          {props.project.width}×{props.project.height} · {props.project.fps} fps · edited {relativeTime(props.project.updatedAt)}
        </p>
      </div>
      <div class="project-actions">
        <button class="button small" onClick={() => setRenaming(true)}>
          Rename
        </button>
        <button class="button small" onClick={() => void duplicateWithToast(props.project)}>
          Duplicate
        </button>
        <button class="button small" onClick={() => props.onExport(props.project)}>
          Export
        </button>
        <button class="button small danger" onClick={() => void deleteWithUndo(props.project)}>
          Delete
        </button>
      </div>
    </article>
  );
}
