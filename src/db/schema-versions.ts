/**
 * Every schema the database has had, oldest first. A version is never edited once shipped: a
 * change is a new entry (with an upgrade when rows need rewriting), so data written by any
 * earlier release opens with the current one. Dexie only needs the indexed fields listed.
 */
export const SCHEMA_V1 = {
  projects: 'id, name, updatedAt',
  files: 'id, projectId, &[projectId+path]',
  assets: 'id, projectId, &[projectId+name]',
  versions: 'id, projectId, [projectId+createdAt]',
  graphs: 'id, projectId',
  jobs: 'id, projectId, nodeId, state',
  generations: 'id, projectId, status',
  scenes: 'id, projectId',
  clips: 'id, projectId, sceneId',
  takes: 'id, projectId, clipId',
  characters: 'id, projectId',
  styles: 'id, projectId',
  brandKits: 'id',
  renders: 'id, projectId, state',
  conversations: 'id, projectId',
  settings: 'key',
} as const;

/**
 * v2: search and sort by a normalised name (nameKey), undoable deletes (trashedAt), and sort by
 * creation time. The upgrade fills the new fields on every v1 project.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  projects: 'id, nameKey, updatedAt, createdAt, trashedAt',
} as const;

/**
 * v3: the canvas engine's persisted cache (node outputs by cache key, so a reload or a browser
 * restart still knows what is done) and takes found by node.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  nodeCache: 'key, projectId',
  takes: 'id, projectId, clipId, [projectId+nodeId]',
} as const;

/** v4: the storyboard, one document per project (scenes, clips, characters, styles, music). */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  storyboards: 'id, &projectId',
} as const;

/**
 * v5: the person's ComfyUI servers (device-wide, like settings: URL, auth header, paused) and the
 * ComfyUI workflows imported into a project (API-format JSON with its input mapping).
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  comfyServers: 'id, addedAt',
  comfyWorkflows: 'id, projectId',
} as const;

/**
 * v6: Auto-pilot runs, one per project (its steps, their results, the editable cue list). Brand
 * kits live in v1's library table `brandKits`.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  autopilotRuns: 'id, &projectId',
} as const;

export const CURRENT_SCHEMA = SCHEMA_V6;
export const DB_NAME = 'director';
