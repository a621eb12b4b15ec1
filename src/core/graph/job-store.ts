import type { Provider } from './node-kind';

export const JOB_STATES = ['queued', 'running', 'done', 'error', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Jobs that a reload should pick up again. */
export const UNFINISHED_JOB_STATES: readonly JobState[] = ['queued', 'running'];

/**
 * One node execution, persisted on every change (fits the Dexie `jobs` table:
 * 'id, projectId, nodeId, state').
 */
export interface JobRecord {
  id: string;
  projectId: string;
  nodeId: string;
  kind: string;
  provider: Provider;
  /** The cache key the job produces; a job for an older key is superseded. */
  cacheKey: string;
  state: JobState;
  /** 0..1 */
  progress: number;
  progressMessage?: string;
  /** Attempts started so far (a resumed attempt counts as the same attempt). */
  attempts: number;
  /** Provider operation (e.g. a Veo long-running operation name), stored as soon as it exists. */
  operationId?: string;
  /** When a retry is waiting out its backoff. */
  retryAt?: number;
  error?: { code: string; message: string };
  /** For a job stopped because something upstream failed: the node that failed. */
  blockedBy?: string;
  takeId?: string;
  /** Higher runs first among jobs waiting for the same provider. */
  priority: number;
  createdAt: number;
  updatedAt: number;
}

export interface JobStore {
  put(job: JobRecord): Promise<void>;
  get(id: string): Promise<JobRecord | undefined>;
  listByNode(projectId: string, nodeId: string): Promise<JobRecord[]>;
  /** Queued and running jobs of a project, oldest first. */
  listUnfinished(projectId: string): Promise<JobRecord[]>;
}

/** Rows are copied in and out, as IndexedDB would, so callers cannot mutate stored state. */
export function makeMemoryJobStore(): JobStore & { all(): JobRecord[] } {
  const rows = new Map<string, JobRecord>();
  const copy = (job: JobRecord): JobRecord => structuredClone(job);
  const byAge = (a: JobRecord, b: JobRecord) => a.createdAt - b.createdAt;
  return {
    async put(job) {
      rows.set(job.id, copy(job));
    },
    async get(id) {
      const job = rows.get(id);
      return job && copy(job);
    },
    async listByNode(projectId, nodeId) {
      return [...rows.values()].filter((j) => j.projectId === projectId && j.nodeId === nodeId).sort(byAge).map(copy);
    },
    async listUnfinished(projectId) {
      return [...rows.values()]
        .filter((j) => j.projectId === projectId && UNFINISHED_JOB_STATES.includes(j.state))
        .sort(byAge)
        .map(copy);
    },
    all: () => [...rows.values()].map(copy),
  };
}
