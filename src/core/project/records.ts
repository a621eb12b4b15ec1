/** Rows that belong to a project, as stored and as carried in a backup. */

export interface ProjectFile {
  id: string;
  projectId: string;
  /** POSIX path inside the Remotion project, e.g. "src/Root.tsx". */
  path: string;
  content: string;
  updatedAt: number;
}

export interface AssetMeta {
  id: string;
  projectId: string;
  /** The name code uses to reach it (Remotion's staticFile name). */
  name: string;
  /** MIME type, checked against the bytes when known. */
  type: string;
  size: number;
  createdAt: number;
}

export interface Asset extends AssetMeta {
  blob: Blob;
}

export interface VersionFile {
  path: string;
  content: string;
}

export interface Version {
  id: string;
  projectId: string;
  label: string;
  createdAt: number;
  files: VersionFile[];
  /** A still of the preview when the version was saved (a hidden project asset). */
  thumbnailAssetId?: string;
  /**
   * The project's decisions at that moment, restored with the files (absent on versions saved
   * before they were kept: a restore then leaves them as they are). Checked again on restore,
   * since versions also arrive from backups.
   */
  settings?: { width: number; height: number; fps: number };
  /** The agent's project style (palette, fonts, mood); null when none was set. */
  style?: unknown;
  /** Props set in the props editor, per composition id. */
  compositionProps?: Record<string, Record<string, unknown>>;
  /** Graph and storyboard snapshots arrive with their issues; kept opaque here. */
  graph?: unknown;
  storyboard?: unknown;
}

/**
 * Project-scoped tables whose rows travel in a backup as JSON. Their shapes are owned by the
 * features that write them (canvas, storyboard, agent); a backup keeps them row for row.
 */
export const PROJECT_RECORD_TABLES = [
  'versions',
  'graphs',
  'jobs',
  'generations',
  'scenes',
  'clips',
  'takes',
  'characters',
  'styles',
  'renders',
  'conversations',
  'storyboards',
  'autopilotRuns',
  'comfyWorkflows',
] as const;

export type ProjectRecordTable = (typeof PROJECT_RECORD_TABLES)[number];

/** A row of a project-scoped table: an id and a projectId, the rest owned by its feature. */
export interface ProjectRecord {
  id: string;
  projectId: string;
  [field: string]: unknown;
}
