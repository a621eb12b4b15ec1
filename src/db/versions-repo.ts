import type { Version } from '../core/project/records';
import { newId } from '../core/util/ids';
import type { DirectorDb } from './database';
import { replaceFiles } from './files-repo';

export const versionThumbnailName = (versionId: string) => `.director/versions/${versionId}.png`;

/** Snapshots the project's source files as a named version (with an optional PNG still), in one transaction. */
export async function saveVersion(db: DirectorDb, projectId: string, label: string, thumbnail?: Blob, now = Date.now()): Promise<Version> {
  return db.transaction('rw', db.files, db.versions, db.assets, async () => {
    const files = (await db.files.where('projectId').equals(projectId).sortBy('path')).map((f) => ({ path: f.path, content: f.content }));
    const id = newId();
    const version: Version = { id, projectId, label: label.trim().slice(0, 200) || 'Untitled version', createdAt: now, files };
    if (thumbnail) {
      const assetId = newId();
      await db.assets.add({ id: assetId, projectId, name: versionThumbnailName(id), type: 'image/png', size: thumbnail.size, createdAt: now, blob: thumbnail });
      version.thumbnailAssetId = assetId;
    }
    await db.versions.add(version);
    return version;
  });
}

/** Newest first. */
export function listVersions(db: DirectorDb, projectId: string): Promise<Version[]> {
  return db.versions.where('[projectId+createdAt]').between([projectId, 0], [projectId, Infinity]).reverse().toArray();
}

/**
 * Puts a version's files back. The current state is saved first as its own version, so a restore
 * can itself be undone by restoring that one. Returns the version holding the pre-restore state.
 */
export async function restoreVersion(db: DirectorDb, projectId: string, versionId: string, now = Date.now()): Promise<Version> {
  const target = await db.versions.get(versionId);
  if (!target || target.projectId !== projectId) throw new Error(`[director] restoreVersion: no version ${versionId} in this project`);
  const before = await saveVersion(db, projectId, `Before restoring “${target.label}”`, undefined, now);
  await replaceFiles(db, projectId, Object.fromEntries(target.files.map((f) => [f.path, f.content])), now + 1);
  return before;
}

export async function deleteVersion(db: DirectorDb, versionId: string): Promise<void> {
  await db.transaction('rw', db.versions, db.assets, async () => {
    const version = await db.versions.get(versionId);
    if (version?.thumbnailAssetId) await db.assets.delete(version.thumbnailAssetId as string);
    await db.versions.delete(versionId);
  });
}

export function getVersion(db: DirectorDb, versionId: string): Promise<Version | undefined> {
  return db.versions.get(versionId);
}
