import { unsafePathReason } from '../../backup/safe-path';
import { formatDiagnostic, type BuildDiagnostic } from '../../bundler/build-diagnostics';
import type { ProjectWorkspace } from '../ports/project-workspace';

export interface SourceSnapshot {
  files: Map<string, string>;
  assetNames: Set<string>;
}

/** The current files and asset names, in the shape the bundler, preview and stills take. */
export async function readSources(workspace: ProjectWorkspace): Promise<SourceSnapshot> {
  const [files, assets] = await Promise.all([workspace.listFiles(), workspace.listAssets()]);
  return { files: new Map(files.map((f) => [f.path, f.content])), assetNames: new Set(assets.map((a) => a.name)) };
}

/** A path the model gave: trimmed of "./", then checked like backup paths are. */
export function normalizeProjectPath(path: string): { ok: true; path: string } | { ok: false; message: string } {
  const clean = path.trim().replace(/^\.\//, '');
  const reason = unsafePathReason(clean);
  return reason ? { ok: false, message: `"${path}": ${reason}` } : { ok: true, path: clean };
}

export function diagnosticLines(diags: readonly BuildDiagnostic[], max = 10): string[] {
  const lines = diags.slice(0, max).map(formatDiagnostic);
  if (diags.length > max) lines.push(`… and ${diags.length - max} more`);
  return lines;
}

/** Source with 1-based line numbers, the way read_file shows it and atomic_edit counts. */
export function numberLines(lines: readonly string[], firstLine: number): string {
  const width = String(firstLine + lines.length - 1).length;
  return lines.map((l, i) => `${String(firstLine + i).padStart(width, ' ')}| ${l}`).join('\n');
}

export function splitLines(content: string): string[] {
  return content.split('\n');
}
