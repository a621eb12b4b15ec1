import type { ApplyChangesError, FileChange, ProjectWorkspace, WorkspaceAsset, WorkspaceFile, WorkspaceVersion } from '../../core/agent/ports/project-workspace';
import { contentHash } from '../../core/agent/workspace/content-hash';
import type { ProjectStyle } from '../../core/agent/workspace/project-style';
import { err, ok, type Result } from '../../core/util/result';
import { addAsset, findAssetByName, listAssets } from '../../db/assets-repo';
import { applyFileChanges, listFiles, readFile } from '../../db/files-repo';
import { getProject, updateProject } from '../../db/projects-repo';
import { loadProjectStyle, saveProjectStyle } from '../../db/project-style-repo';
import { getVersion, listVersions, restoreVersion as restoreVersionRow, saveVersion } from '../../db/versions-repo';
import type { DirectorDb } from '../../db/database';

const hidden = (name: string) => name.startsWith('.director/') || name.startsWith('renders/');

/** The agent's view of one project, over the app's Dexie database; each batch of changes is one transaction. */
export function makeDexieWorkspace(db: DirectorDb, projectId: string): ProjectWorkspace {
  const toFile = (path: string, content: string): WorkspaceFile => ({ path, content, hash: contentHash(content) });
  const toAsset = (a: { name: string; type: string; size: number }): WorkspaceAsset => ({ name: a.name, mimeType: a.type, size: a.size });
  const toVersion = (v: { id: string; label: string; createdAt: number; files: unknown[] }): WorkspaceVersion => ({ id: v.id, label: v.label, createdAt: v.createdAt, fileCount: v.files.length });

  return {
    projectId,
    async settings() {
      const p = await getProject(db, projectId);
      if (!p) throw new Error('[director] the project no longer exists');
      return { name: p.name, width: p.width, height: p.height, fps: p.fps };
    },
    async updateSettings(settings) {
      const result = await updateProject(db, projectId, settings);
      if (!result.ok) throw new Error(result.message);
    },
    async listFiles() {
      return (await listFiles(db, projectId)).map((f) => toFile(f.path, f.content));
    },
    async readFile(path) {
      const f = await readFile(db, projectId, path);
      return f ? toFile(f.path, f.content) : null;
    },
    async applyChanges(changes: readonly FileChange[]): Promise<Result<WorkspaceFile[], ApplyChangesError>> {
      const result = await applyFileChanges(db, projectId, changes);
      return result.ok ? ok(result.value.map((f) => toFile(f.path, f.content))) : result;
    },
    async listAssets() {
      return (await listAssets(db, projectId)).filter((a) => !hidden(a.name)).map(toAsset);
    },
    async readAsset(name) {
      const a = await findAssetByName(db, projectId, name);
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
      const version = await getVersion(db, id);
      if (!version || version.projectId !== projectId) return err('not_found', `No version ${id} in this project.`);
      // The agent saves the pre-restore state itself; the repo's restore also keeps one: nothing is lost.
      // Settings, style and composition props come back with the files.
      await restoreVersionRow(db, projectId, id);
      return ok(toVersion(version));
    },
    getStyle: () => loadProjectStyle(db, projectId),
    async setStyle(style: ProjectStyle) {
      await saveProjectStyle(db, projectId, style);
    },
  };
}
