import type { FileChange, ProjectWorkspace } from '../ports/project-workspace';
import { treeHash } from '../workspace/content-hash';
import type { ProjectStyle } from '../workspace/project-style';

/** The files and decisions at one moment, held in memory for the length of a turn. */
export interface ProjectCheckpoint {
  files: Map<string, string>;
  style: ProjectStyle | null;
  tree: string;
}

export async function takeCheckpoint(workspace: ProjectWorkspace): Promise<ProjectCheckpoint> {
  const [files, style] = await Promise.all([workspace.listFiles(), workspace.getStyle()]);
  const map = new Map(files.map((f) => [f.path, f.content]));
  return { files: map, style, tree: treeHash(map) };
}

/** Puts the files (one atomic batch) and the style back as they were at the checkpoint. */
export async function restoreCheckpoint(workspace: ProjectWorkspace, checkpoint: ProjectCheckpoint): Promise<string[]> {
  const current = await workspace.listFiles();
  const changes: FileChange[] = [];
  for (const f of current) {
    const before = checkpoint.files.get(f.path);
    if (before === undefined) changes.push({ path: f.path, content: null, expectedHash: f.hash });
    else if (before !== f.content) changes.push({ path: f.path, content: before, expectedHash: f.hash });
  }
  const present = new Set(current.map((f) => f.path));
  for (const [path, content] of checkpoint.files) if (!present.has(path)) changes.push({ path, content, expectedHash: null });
  if (changes.length) {
    const result = await workspace.applyChanges(changes);
    if (!result.ok) throw new Error(`[agent/checkpoint] could not restore the project: ${result.message}`);
  }
  if (JSON.stringify(await workspace.getStyle()) !== JSON.stringify(checkpoint.style)) await workspace.setStyle(checkpoint.style ?? {});
  return changes.map((c) => c.path).sort();
}
