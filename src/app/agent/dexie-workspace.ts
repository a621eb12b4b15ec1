import type { ApplyChangesError, FileChange, ProjectWorkspace, WorkspaceAsset, WorkspaceFile, WorkspaceVersion } from '../../core/agent/ports/project-workspace';
import { contentHash } from '../../core/agent/workspace/content-hash';
import { projectStyleSchema, type ProjectStyle } from '../../core/agent/workspace/project-style';
import { unsafePathReason } from '../../core/backup/safe-path';
import { newId } from '../../core/util/ids';
import { err, ok, type Result } from '../../core/util/result';
import { addAsset } from '../../db/assets-repo';
import { updateProject } from '../../db/projects-repo';
import { listVersions, restoreVersion as restoreVersionRow, saveVersion } from '../../db/versions-repo';
import type { DirectorDb } from '../../db/database';

const hidden = (name: string) => name.startsWith('.director/') || name.startsWith('renders/');
const styleKey = (projectId: string) => `style:${projectId}`;

/** The agent's view of one project, over the app's Dexie database; each batch of changes is one transaction. */
export function makeDexieWorkspace(db: DirectorDb, projectId: string): ProjectWorkspace {
  const toFile = (path: string, content: string): WorkspaceFile => ({ path, content, hash: contentHash(content) });
  const toAsset = (a: { name: string; type: string; size: number }): WorkspaceAsset => ({ name: a.name, mimeType: a.type, size: a.size });
  const toVersion = (v: { id: string; label: string; createdAt: number; files: unknown[] }): WorkspaceVersion => ({ id: v.id, label: v.label, createdAt: v.createdAt, fileCount: v.files.length });

  return {
    projectId,
    async settings() {
      const p = await db.projects.get(projectId);
      if (!p) throw new Error('[director] the project no longer exists');
      return { name: p.name, width: p.width, height: p.height, fps: p.fps };
    },
    async updateSettings(settings) {
      const result = await updateProject(db, projectId, settings);
      if (!result.ok) throw new Error(result.message);
    },
    async listFiles() {
      return (await db.files.where('projectId').equals(projectId).sortBy('path')).map((f) => toFile(f.path, f.content));
    },
    async readFile(path) {
      const f = await db.files.where('[projectId+path]').equals([projectId, path]).first();
      return f ? toFile(f.path, f.content) : null;
    },
    async applyChanges(changes: readonly FileChange[]): Promise<Result<WorkspaceFile[], ApplyChangesError>> {
      for (const c of changes) {
        const reason = unsafePathReason(c.path);
        if (reason) return err('invalid_path', `${c.path}: ${reason}`);
      }
      return db.transaction('rw', db.files, db.projects, async () => {
        const now = Date.now();
        const written: WorkspaceFile[] = [];
        // Check every guard first: a conflict anywhere leaves every file as it was.
        const current = new Map<string, { id: string; content: string } | undefined>();
        for (const c of changes) {
          const row = await db.files.where('[projectId+path]').equals([projectId, c.path]).first();
          current.set(c.path, row);
          if (c.expectedHash === null && row) return err('conflict', `${c.path} already exists.`);
          if (typeof c.expectedHash === 'string' && !row) return err('not_found', `${c.path} does not exist.`);
          if (typeof c.expectedHash === 'string' && contentHash(row!.content) !== c.expectedHash)
            return err('conflict', `${c.path} changed since it was read; read it again.`);
          if (c.content === null && !row) return err('not_found', `${c.path} does not exist.`);
        }
        for (const c of changes) {
          const row = current.get(c.path);
          if (c.content === null) await db.files.delete(row!.id);
          else {
            await db.files.put({ id: row?.id ?? newId(), projectId, path: c.path, content: c.content, updatedAt: now });
            written.push(toFile(c.path, c.content));
          }
        }
        await db.projects.update(projectId, { updatedAt: now });
        return ok(written);
      });
    },
    async listAssets() {
      return (await db.assets.where('projectId').equals(projectId).toArray()).filter((a) => !hidden(a.name)).map(toAsset);
    },
    async readAsset(name) {
      const a = await db.assets.where('[projectId+name]').equals([projectId, name]).first();
      return a ? { asset: toAsset(a), bytes: new Uint8Array(await a.blob.arrayBuffer()) } : null;
    },
    async addAsset(asset) {
      const stored = await addAsset(db, projectId, asset.name, new Blob([asset.bytes as Uint8Array<ArrayBuffer>], { type: asset.mimeType }));
      return toAsset(stored);
    },
    async saveVersion(label) {
      return toVersion(await saveVersion(db, projectId, label));
    },
    async listVersions() {
      return (await listVersions(db, projectId)).map(toVersion);
    },
    async restoreVersion(id) {
      const version = await db.versions.get(id);
      if (!version || version.projectId !== projectId) return err('not_found', `No version ${id} in this project.`);
      // The agent saves the pre-restore state itself; the repo's restore also keeps one: nothing is lost.
      await restoreVersionRow(db, projectId, id);
      return ok(toVersion(version));
    },
    async getStyle() {
      const row = await db.settings.get(styleKey(projectId));
      const parsed = projectStyleSchema.safeParse(row?.value);
      return parsed.success ? parsed.data : null;
    },
    async setStyle(style: ProjectStyle) {
      await db.settings.put({ key: styleKey(projectId), value: style });
    },
  };
}
