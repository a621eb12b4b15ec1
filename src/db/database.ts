import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Project } from '../core/project/project';
import { nameKeyOf } from '../core/project/project';
import type { Asset, ProjectFile, ProjectRecord, Version } from '../core/project/records';
import { DB_NAME, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6 } from './schema-versions';
import type { ComfyServer } from '../core/comfyui/comfy-server';
import type { CacheEntry } from '../core/graph/cache-store';
import type { ConversationRecord } from '../core/agent/records/conversation-records';

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface BrandKitRow {
  id: string;
  [field: string]: unknown;
}

/** The one IndexedDB database of the app. Open it through `openDirectorDb`. */
export class DirectorDb extends Dexie {
  projects!: EntityTable<Project, 'id'>;
  files!: EntityTable<ProjectFile, 'id'>;
  assets!: EntityTable<Asset, 'id'>;
  versions!: EntityTable<Version, 'id'>;
  graphs!: Table<ProjectRecord, string>;
  jobs!: Table<ProjectRecord, string>;
  generations!: Table<ProjectRecord, string>;
  scenes!: Table<ProjectRecord, string>;
  clips!: Table<ProjectRecord, string>;
  takes!: Table<ProjectRecord, string>;
  characters!: Table<ProjectRecord, string>;
  styles!: Table<ProjectRecord, string>;
  brandKits!: Table<BrandKitRow, string>;
  renders!: Table<ProjectRecord, string>;
  /** One row per project: read through storyboard-repo (parseStoryboard). */
  storyboards!: Table<ProjectRecord, string>;
  /** Rows may predate the current shape: read them through conversations-repo (restoreConversation). */
  conversations!: Table<ConversationRecord, string>;
  settings!: Table<SettingRow, string>;
  /** One row per project: read through autopilot-repo (restoreAutopilotRun). */
  autopilotRuns!: Table<ProjectRecord, string>;
  nodeCache!: Table<CacheEntry & { projectId: string }, string>;
  /** Device-wide, like settings: read through comfy-servers-repo. */
  comfyServers!: Table<ComfyServer, string>;
  /** ComfyUI workflows imported into a project: read through comfy-workflows-repo. */
  comfyWorkflows!: Table<ProjectRecord, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) =>
        tx
          .table('projects')
          .toCollection()
          .modify((p: Partial<Project> & { name?: string }) => {
            p.name = (p.name ?? '').trim() || 'Untitled';
            p.nameKey = nameKeyOf(p.name);
            p.trashedAt ??= 0;
            p.createdAt ??= p.updatedAt ?? Date.now();
            p.updatedAt ??= p.createdAt;
            p.width ??= 1920;
            p.height ??= 1080;
            p.fps ??= 30;
          }),
      );
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5);
    this.version(6).stores(SCHEMA_V6);
  }

  /** Tables whose rows belong to one project (all carry projectId). */
  projectTables(): Table<{ id: string; projectId: string }, string>[] {
    return [this.files, this.assets, this.versions, this.graphs, this.jobs, this.generations, this.scenes, this.clips, this.takes, this.characters, this.styles, this.renders, this.conversations, this.storyboards, this.autopilotRuns, this.comfyWorkflows] as Table<{ id: string; projectId: string }, string>[];
  }

  /** Rows keyed by something other than an id that still belong to one project (purged with it). */
  projectKeyedTables(): Table<{ projectId: string }, string>[] {
    return [this.nodeCache] as Table<{ projectId: string }, string>[];
  }
}

export function openDirectorDb(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]): DirectorDb {
  return new DirectorDb(name, options);
}
