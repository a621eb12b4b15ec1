import type { Version } from '../core/project/records';
import { newId } from '../core/util/ids';
import type { DirectorDb } from './database';
import { projectStyleSchema } from '../core/agent/workspace/project-style';
import { checkProjectInput } from '../core/project/project';
import { listCompositionProps, replaceCompositionProps } from './composition-props-repo';
import { replaceFiles } from './files-repo';
import { loadProjectStyle, saveProjectStyle } from './project-style-repo';

export const versionThumbnailName = (versionId: string) => `.director/versions/${versionId}.png`;

/**
 * Snapshots the project as a named version (with an optional PNG still), in one transaction: the
 * source files, the settings (size, fps), the agent's style and the composition props.
 */
export async function saveVersion(db: DirectorDb, projectId: string, label: string, thumbnail?: Blob, now = Date.now()): Promise<Version> {
  return db.transaction('rw', [db.files, db.versions, db.assets, db.projects, db.settings], async () => {
    const files = (await db.files.where('projectId').equals(projectId).sortBy('path')).map((f) => ({ path: f.path, content: f.content }));
    const project = await db.projects.get(projectId);
    const id = newId();
    const version: Version = {
      id,
      projectId,
      label: label.trim().slice(0, 200) || 'Untitled version',
      createdAt: now,
      files,
      ...(project ? { settings: { width: project.width, height: project.height, fps: project.fps } } : {}),
      style: await loadProjectStyle(db, projectId),
      compositionProps: await listCompositionProps(db, projectId),
    };
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
 * Puts a version back: files, and the settings, style and composition props it kept (a version
 * from before these were kept leaves them as they are; a kept value that fails its check is
 * skipped). The current state is saved first as its own version, so a restore can itself be
 * undone by restoring that one. Returns the version holding the pre-restore state.
 */
export async function restoreVersion(db: DirectorDb, projectId: string, versionId: string, now = Date.now()): Promise<Version> {
  return db.transaction('rw', [db.files, db.versions, db.assets, db.projects, db.settings], async () => {
    const target = await db.versions.get(versionId);
    if (!target || target.projectId !== projectId) throw new Error(`[director] restoreVersion: no version ${versionId} in this project`);
    const before = await saveVersion(db, projectId, `Before restoring “${target.label}”`, undefined, now);
    await replaceFiles(db, projectId, Object.fromEntries(target.files.map((f) => [f.path, f.content])), now + 1);
    const project = await db.projects.get(projectId);
    const settings = target.settings;
    if (project && settings && !checkProjectInput({ name: project.name, width: settings.width, height: settings.height, fps: settings.fps })) {
      await db.projects.update(projectId, { width: settings.width, height: settings.height, fps: settings.fps });
    }
    if (target.style === null) await saveProjectStyle(db, projectId, null);
    else if (target.style !== undefined) {
      const style = projectStyleSchema.safeParse(target.style);
      if (style.success) await saveProjectStyle(db, projectId, style.data);
    }
    const props = target.compositionProps;
    if (props && typeof props === 'object' && !Array.isArray(props)) {
      await replaceCompositionProps(db, projectId, Object.fromEntries(Object.entries(props).filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v))));
    }
    return before;
  });
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
