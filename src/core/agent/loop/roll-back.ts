import type { TurnStatus } from '../records/conversation-records';
import type { FileDiff } from '../../project/diff-files';
import { treeHash } from '../workspace/content-hash';
import type { ProjectWorkspace } from '../ports/project-workspace';
import { decisionsChanged, restoreCheckpoint, type ProjectCheckpoint } from './project-checkpoint';
import { clip } from './short-text';

export type Ending = { status: TurnStatus; code?: string; message: string; providerCode?: string; retryAfterSec?: number };

/**
 * Keeps the unfinished state as a version, then goes back to `target` (the last state in the turn
 * that built, or the state before it). `where` finishes "The project is back …".
 */
export async function rollBack(deps: { workspace: ProjectWorkspace }, ending: Ending, target: ProjectCheckpoint, prompt: string, where: string): Promise<Ending> {
  const files = await deps.workspace.listFiles();
  const current = treeHash(new Map(files.map((f) => [f.path, f.content])));
  if (current === target.tree && !(await decisionsChanged(deps.workspace, target))) return ending;
  const unfinished = await deps.workspace.saveVersion(`Unfinished: ${clip(prompt, 60)}`);
  await restoreCheckpoint(deps.workspace, target);
  return { ...ending, message: `${ending.message}\nThe project is back ${where}; the unfinished changes are kept as version "${unfinished.label}".` };
}

/** Keeps stored turns small: past a few thousand diff lines only the per-file counts remain. */
export function boundedDiff(diff: FileDiff[], maxLines = 3000): FileDiff[] {
  const lines = diff.reduce((n, d) => n + d.hunks.reduce((m, h) => m + h.lines.length, 0), 0);
  return lines <= maxLines ? diff : diff.map((d) => ({ ...d, hunks: [] }));
}
