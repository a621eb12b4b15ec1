import type { FileChange, ProjectSettings, ProjectWorkspace } from '../ports/project-workspace';
import { treeHash } from '../workspace/content-hash';
import type { ProjectStyle } from '../workspace/project-style';

/** The files, settings and decisions at one moment, held in memory for the length of a turn. */
export interface ProjectCheckpoint {
  files: Map<string, string>;
  style: ProjectStyle | null;
  settings: ProjectSettings;
  tree: string;
}

export async function takeCheckpoint(workspace: ProjectWorkspace): Promise<ProjectCheckpoint> {
  const [files, style, settings] = await Promise.all([workspace.listFiles(), workspace.getStyle(), workspace.settings()]);
  const map = new Map(files.map((f) => [f.path, f.content]));
  return { files: map, style, settings, tree: treeHash(map) };
}

/** Whether the style or settings differ from the checkpoint's (files are compared by tree hash). */
export async function decisionsChanged(workspace: ProjectWorkspace, checkpoint: ProjectCheckpoint): Promise<boolean> {
  const [style, settings] = await Promise.all([workspace.getStyle(), workspace.settings()]);
  return JSON.stringify(style) !== JSON.stringify(checkpoint.style) || JSON.stringify(settings) !== JSON.stringify(checkpoint.settings);
}

/** Puts the files (one atomic batch), the style and the settings back as they were at the checkpoint. */
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
  if (JSON.stringify(await workspace.settings()) !== JSON.stringify(checkpoint.settings)) await workspace.updateSettings(checkpoint.settings);
  return changes.map((c) => c.path).sort();
}
