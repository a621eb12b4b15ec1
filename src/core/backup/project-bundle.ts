import type { ProjectRecord, ProjectRecordTable } from '../project/records';

/** Everything one project is, in memory, independent of storage: what a backup carries. */
export interface ProjectBundle {
  project: { name: string; width: number; height: number; fps: number; createdAt: number; updatedAt: number };
  files: { path: string; content: string; updatedAt: number }[];
  assets: { id: string; name: string; type: string; createdAt: number; bytes: Uint8Array }[];
  records: Partial<Record<ProjectRecordTable, ProjectRecord[]>>;
}
