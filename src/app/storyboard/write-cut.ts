import { cutFiles, type CutPlan } from '../../core/storyboard/cut-composition';
import { applyFileChanges, listFiles } from '../../db/files-repo';
import { db } from '../db';

/**
 * Writes the storyboard's cut into the project's code (only the files that differ, in one
 * transaction, so an unchanged board writes nothing and another tab's code edit is not undone).
 * Returns what was written and, if Root could not take the composition, why.
 */
export async function writeCut(projectId: string, plan: CutPlan): Promise<{ written: string[]; error?: string }> {
  const current = new Map((await listFiles(db, projectId)).map((f) => [f.path, f.content]));
  const { files, error } = cutFiles(plan, current);
  const changes = Object.entries(files)
    .filter(([path, content]) => current.get(path) !== content)
    .map(([path, content]) => ({ path, content }));
  if (changes.length) {
    const result = await applyFileChanges(db, projectId, changes);
    if (!result.ok) return { written: [], error: `The cut could not be written to the code: ${result.message}` };
  }
  return { written: changes.map((c) => c.path), ...(error ? { error } : {}) };
}
