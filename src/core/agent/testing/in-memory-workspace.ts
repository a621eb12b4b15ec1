import { unsafePathReason } from '../../backup/safe-path';
import { err, ok, type Result } from '../../util/result';
import type {
  ApplyChangesError,
  FileChange,
  NewAsset,
  ProjectSettings,
  ProjectWorkspace,
  WorkspaceAsset,
  WorkspaceFile,
  WorkspaceVersion,
} from '../ports/project-workspace';
import { contentHash } from '../workspace/content-hash';
import type { ProjectStyle } from '../workspace/project-style';

export interface InMemoryWorkspaceOptions {
  projectId?: string;
  settings?: Partial<ProjectSettings>;
  files?: Record<string, string>;
  assets?: NewAsset[];
  now?: () => number;
}

/** What tests look at besides the interface: the raw state, and a way to edit "under" the agent. */
export interface InMemoryWorkspace extends ProjectWorkspace {
  snapshot(): Map<string, string>;
  /** Simulates another tab or the person editing a file while the agent works. */
  externalWrite(path: string, content: string): void;
}

/**
 * A ProjectWorkspace in memory with the same contract as the app's Dexie one: atomic batches,
 * hash-checked writes, versions as full snapshots. For tests and the CLI.
 */
export function makeInMemoryWorkspace(options: InMemoryWorkspaceOptions = {}): InMemoryWorkspace {
  const now = options.now ?? Date.now;
  const projectId = options.projectId ?? 'project-1';
  let settings: ProjectSettings = { name: 'Untitled', width: 1920, height: 1080, fps: 30, ...options.settings };
  const files = new Map<string, string>(Object.entries(options.files ?? {}));
  const assets = new Map<string, { asset: WorkspaceAsset; bytes: Uint8Array }>();
  const versions: (WorkspaceVersion & { files: Map<string, string>; settings: ProjectSettings; style: ProjectStyle | null })[] = [];
  let style: ProjectStyle | null = null;
  let nextVersion = 1;

  const entry = (path: string, content: string): WorkspaceFile => ({ path, content, hash: contentHash(content) });
  const storeAsset = (a: NewAsset): WorkspaceAsset => {
    let name = a.name;
    for (let n = 2; assets.has(name); n++) name = a.name.replace(/(\.[^.]+)?$/, (ext) => `-${n}${ext}`);
    const asset = { name, mimeType: a.mimeType, size: a.bytes.byteLength };
    assets.set(name, { asset, bytes: a.bytes.slice() });
    return asset;
  };
  for (const a of options.assets ?? []) storeAsset(a);

  return {
    projectId,
    async settings() {
      return { ...settings };
    },
    async updateSettings(next) {
      settings = { ...next };
    },
    async listFiles() {
      // Code-unit order, the order IndexedDB (the Dexie twin) sorts keys in.
      return [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([p, c]) => entry(p, c));
    },
    async readFile(path) {
      const content = files.get(path);
      return content === undefined ? null : entry(path, content);
    },
    async applyChanges(changes: readonly FileChange[]): Promise<Result<WorkspaceFile[], ApplyChangesError>> {
      // Check everything first: a batch is all or nothing, like one Dexie transaction.
      for (const change of changes) {
        const reason = unsafePathReason(change.path);
        if (reason) return err('invalid_path', `"${change.path}": ${reason}`);
        const current = files.get(change.path);
        if (change.expectedHash === null && current !== undefined) return err('conflict', `${change.path} already exists`);
        if (typeof change.expectedHash === 'string') {
          if (current === undefined) return err('not_found', `${change.path} does not exist`);
          if (contentHash(current) !== change.expectedHash) return err('conflict', `${change.path} changed since it was read (hash ${contentHash(current)}, expected ${change.expectedHash})`);
        }
        if (change.content === null && current === undefined && change.expectedHash === undefined) return err('not_found', `${change.path} does not exist`);
      }
      const written: WorkspaceFile[] = [];
      for (const change of changes) {
        if (change.content === null) files.delete(change.path);
        else {
          files.set(change.path, change.content);
          written.push(entry(change.path, change.content));
        }
      }
      return ok(written);
    },
    async listAssets() {
      return [...assets.values()].map((a) => ({ ...a.asset }));
    },
    async readAsset(name) {
      const a = assets.get(name);
      return a ? { asset: { ...a.asset }, bytes: a.bytes.slice() } : null;
    },
    async addAsset(asset) {
      return storeAsset(asset);
    },
    async saveVersion(label) {
      const version = { id: `v${nextVersion++}`, label, createdAt: now(), fileCount: files.size, files: new Map(files), settings: { ...settings }, style: style ? structuredClone(style) : null };
      versions.push(version);
      return { id: version.id, label, createdAt: version.createdAt, fileCount: version.fileCount };
    },
    async listVersions() {
      return versions.map(({ files: _f, settings: _s, style: _st, ...v }) => v).reverse();
    },
    async restoreVersion(id) {
      const version = versions.find((v) => v.id === id);
      if (!version) return err('not_found', `no version "${id}"`);
      files.clear();
      for (const [p, c] of version.files) files.set(p, c);
      // Like the app's: size and fps come back with the files, the name stays; the style too.
      settings = { ...settings, width: version.settings.width, height: version.settings.height, fps: version.settings.fps };
      style = version.style ? structuredClone(version.style) : null;
      const { files: _f, settings: _s, style: _st, ...info } = version;
      return ok(info);
    },
    async getStyle() {
      return style ? structuredClone(style) : null;
    },
    async setStyle(next) {
      style = structuredClone(next);
    },
    snapshot() {
      return new Map(files);
    },
    externalWrite(path, content) {
      files.set(path, content);
    },
  };
}
