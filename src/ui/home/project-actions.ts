import type { Project } from '../../core/project/project';
import { duplicateProject, purgeProject, purgeTrashed, restoreProject, trashProject } from '../../db/projects-repo';
import { db } from '../../app/db';
import { showToast } from '../shell/toasts';

/** How long a deleted project can be brought back. */
export const UNDO_WINDOW_MS = 8000;

/**
 * Deletes at once from every view and tab; Undo (or Ctrl+Z) brings it back until the toast goes.
 * The toast is up before the write lands, so an undo pressed the moment the card vanishes is never lost.
 */
export async function deleteWithUndo(project: Project) {
  const trashed = trashProject(db, project.id);
  showToast(
    {
      kind: 'info',
      message: `Deleted “${project.name}”.`,
      action: { label: 'Undo', run: () => void trashed.then(() => restoreProject(db, project.id)) },
      onExpire: () => void trashed.then(() => purgeProject(db, project.id)),
    },
    UNDO_WINDOW_MS,
  );
  await trashed;
}

export async function duplicateWithToast(project: Project): Promise<Project | undefined> {
  const result = await duplicateProject(db, project.id);
  if (!result.ok) {
    showToast({ kind: 'error', message: result.message });
    return undefined;
  }
  showToast({ kind: 'info', message: `Made “${result.value.name}”.` });
  return result.value;
}

/** A tab closed during an undo window leaves a trashed project behind: finish the job at start-up. */
export function purgeExpiredTrash() {
  return purgeTrashed(db, Date.now() - UNDO_WINDOW_MS);
}
