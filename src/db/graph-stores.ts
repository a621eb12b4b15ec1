import type { CacheEntry, CacheStore } from '../core/graph/cache-store';
import { UNFINISHED_JOB_STATES, type JobRecord, type JobStore } from '../core/graph/job-store';
import type { Take, TakeStore } from '../core/graph/take-store';
import type { DirectorDb } from './database';

/**
 * The canvas engine's stores over IndexedDB: outputs by cache key, every job state the moment it
 * changes, and every take. A reload (or a browser restart) finds them all, so nothing done is
 * redone and a running provider operation is polled, not started again.
 */
export function makeDexieCacheStore(db: DirectorDb, projectId: string): CacheStore {
  return {
    async getMany(keys) {
      const rows = await db.nodeCache.bulkGet([...keys]);
      return rows.map((r) => (r ? stripProject(r) : undefined));
    },
    async set(entry) {
      await db.nodeCache.put({ ...entry, projectId });
    },
    async delete(key) {
      await db.nodeCache.delete(key);
    },
  };
}

export function makeDexieJobStore(db: DirectorDb): JobStore {
  const jobs = db.jobs as unknown as import('dexie').Table<JobRecord, string>;
  return {
    async put(job) {
      await jobs.put(job);
    },
    get: (id) => jobs.get(id),
    async listByNode(projectId, nodeId) {
      return (await jobs.where('nodeId').equals(nodeId).toArray()).filter((j) => j.projectId === projectId).sort((a, b) => a.createdAt - b.createdAt);
    },
    async listUnfinished(projectId) {
      return (await jobs.where('projectId').equals(projectId).toArray())
        .filter((j) => UNFINISHED_JOB_STATES.includes(j.state))
        .sort((a, b) => a.createdAt - b.createdAt);
    },
  };
}

export function makeDexieTakeStore(db: DirectorDb): TakeStore {
  const takes = db.takes as unknown as import('dexie').Table<Take, string>;
  return {
    async add(take) {
      await takes.add(take);
    },
    get: (id) => takes.get(id),
    async listByNode(projectId, nodeId) {
      return (await takes.where('[projectId+nodeId]').equals([projectId, nodeId]).toArray()).sort((a, b) => a.createdAt - b.createdAt);
    },
  };
}

function stripProject(row: CacheEntry & { projectId: string }): CacheEntry {
  const { projectId: _projectId, ...entry } = row;
  return entry;
}

/** Every job of a project (the generation history), oldest first. */
export async function listProjectJobs(db: DirectorDb, projectId: string): Promise<JobRecord[]> {
  const rows = (await db.jobs.where('projectId').equals(projectId).toArray()) as unknown as JobRecord[];
  return rows.sort((a, b) => a.createdAt - b.createdAt);
}

/** Every take of a project (canvas and storyboard), oldest first. */
export async function listProjectTakes(db: DirectorDb, projectId: string): Promise<Take[]> {
  const rows = (await db.takes.where('projectId').equals(projectId).toArray()) as unknown as Take[];
  return rows.sort((a, b) => a.createdAt - b.createdAt);
}

/** Every take of a project, by id. */
export async function mapProjectTakes(db: DirectorDb, projectId: string): Promise<Map<string, Take>> {
  return new Map((await listProjectTakes(db, projectId)).map((t) => [t.id, t]));
}
