import type { Result } from '../../util/result';
import type { ProjectStyle } from '../workspace/project-style';

/** A project source file as the agent sees it: the hash lets edits refuse stale content. */
export interface WorkspaceFile {
  path: string;
  content: string;
  /** contentHash(content): what atomic_edit's expectedHash is compared against. */
  hash: string;
}

/**
 * One change in an atomic batch. `content: null` deletes the file. `expectedHash` guards against
 * edits made under the agent: a hash means "the file must still have this content", `null`
 * means "the file must not exist yet", absent means "write whatever is there".
 */
export interface FileChange {
  path: string;
  content: string | null;
  expectedHash?: string | null;
}

export type ApplyChangesError = 'conflict' | 'invalid_path' | 'not_found';

export interface WorkspaceAsset {
  /** staticFile() name, e.g. "logo.svg". */
  name: string;
  mimeType: string;
  size: number;
}

export interface NewAsset {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface WorkspaceVersion {
  id: string;
  label: string;
  createdAt: number;
  fileCount: number;
}

/** The project's settings a template or scaffold decides. */
export interface ProjectSettings {
  name: string;
  width: number;
  height: number;
  fps: number;
}

/**
 * Everything the agent may do to one project. The app implements it over Dexie (one transaction
 * per `applyChanges`, so a batch is all or nothing); tests use `makeInMemoryWorkspace`. The core
 * never sees Dexie, Blobs or the DOM.
 */
export interface ProjectWorkspace {
  readonly projectId: string;
  settings(): Promise<ProjectSettings>;
  updateSettings(settings: ProjectSettings): Promise<void>;

  listFiles(): Promise<WorkspaceFile[]>;
  readFile(path: string): Promise<WorkspaceFile | null>;
  /** All changes or none: a conflict or a bad path anywhere leaves every file as it was. */
  applyChanges(changes: readonly FileChange[]): Promise<Result<WorkspaceFile[], ApplyChangesError>>;

  listAssets(): Promise<WorkspaceAsset[]>;
  readAsset(name: string): Promise<{ asset: WorkspaceAsset; bytes: Uint8Array } | null>;
  /** Stores bytes under a name; an existing name gets a numbered suffix. Returns the stored entry. */
  addAsset(asset: NewAsset): Promise<WorkspaceAsset>;

  /** Snapshots the files, the settings' size and fps, and the style (the app also keeps composition props). */
  saveVersion(label: string): Promise<WorkspaceVersion>;
  listVersions(): Promise<WorkspaceVersion[]>;
  /** Puts the version's files, size, fps and style back; the current state is not saved here (callers do). */
  restoreVersion(id: string): Promise<Result<WorkspaceVersion, 'not_found'>>;

  getStyle(): Promise<ProjectStyle | null>;
  setStyle(style: ProjectStyle): Promise<void>;
}
