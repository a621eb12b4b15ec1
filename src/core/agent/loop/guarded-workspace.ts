import type { ProjectWorkspace } from '../ports/project-workspace';

export class TurnCancelledError extends Error {
  readonly code = 'cancelled' as const;
  constructor() {
    super('the turn was cancelled');
    this.name = 'TurnCancelledError';
  }
}

/**
 * The workspace tools get during a turn: once the turn is cancelled every write is refused, so a
 * tool still running when cancel returned can never change the project afterwards. Each write is
 * an atomic batch, so the project is exactly as the last completed write left it.
 */
export function guardWorkspace(workspace: ProjectWorkspace, signal: AbortSignal): ProjectWorkspace {
  const guard = <A extends unknown[], R>(fn: (...a: A) => Promise<R>) => (...a: A): Promise<R> => {
    if (signal.aborted) return Promise.reject(new TurnCancelledError());
    return fn(...a);
  };
  return {
    projectId: workspace.projectId,
    settings: () => workspace.settings(),
    updateSettings: guard((s) => workspace.updateSettings(s)),
    listFiles: () => workspace.listFiles(),
    readFile: (p) => workspace.readFile(p),
    applyChanges: guard((c) => workspace.applyChanges(c)),
    listAssets: () => workspace.listAssets(),
    readAsset: (n) => workspace.readAsset(n),
    addAsset: guard((a) => workspace.addAsset(a)),
    saveVersion: guard((l) => workspace.saveVersion(l)),
    listVersions: () => workspace.listVersions(),
    restoreVersion: guard((id) => workspace.restoreVersion(id)),
    getStyle: () => workspace.getStyle(),
    setStyle: guard((s) => workspace.setStyle(s)),
  };
}
