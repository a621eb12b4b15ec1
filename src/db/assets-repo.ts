import Dexie from 'dexie';
import type { Asset } from '../core/project/records';
import { newId } from '../core/util/ids';
import type { DirectorDb, SettingRow } from './database';

/** Stores a blob as a project asset under a name no other asset of the project has ("x.mp4" -> "x-2.mp4"). */
export async function addAsset(db: DirectorDb, projectId: string, name: string, blob: Blob, now = Date.now()): Promise<Asset> {
  return db.transaction('rw', db.assets, db.projects, async () => {
    const taken = new Set((await db.assets.where('projectId').equals(projectId).toArray()).map((a) => a.name));
    let unique = name;
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 2; taken.has(unique); n++) unique = `${stem}-${n}${ext}`;
    const asset: Asset = { id: newId(), projectId, name: unique, type: blob.type || 'application/octet-stream', size: blob.size, createdAt: now, blob };
    await db.assets.add(asset);
    await db.projects.update(projectId, { updatedAt: now });
    return asset;
  });
}

export function getAsset(db: DirectorDb, id: string): Promise<Asset | undefined> {
  return db.assets.get(id);
}

/** The project's assets, Director's own files (thumbnails, exports) included; callers filter. */
export function listAssets(db: DirectorDb, projectId: string): Promise<Asset[]> {
  return db.assets.where('projectId').equals(projectId).toArray();
}

export function findAssetByName(db: DirectorDb, projectId: string, name: string): Promise<Asset | undefined> {
  return db.assets.where('[projectId+name]').equals([projectId, name]).first();
}

/** Renames an asset unless another asset of its project has the name; false when taken. */
export async function renameAssetIfFree(db: DirectorDb, asset: Asset, name: string, now = Date.now()): Promise<boolean> {
  try {
    return await db.transaction('rw', db.assets, db.projects, async () => {
      if (await db.assets.where('[projectId+name]').equals([asset.projectId, name]).count()) return false;
      await db.assets.update(asset.id, { name });
      await db.projects.update(asset.projectId, { updatedAt: now });
      return true;
    });
  } catch (e) {
    // Another tab took the name between our check and the write: the unique index refused it.
    if (e instanceof Dexie.ConstraintError || (e as Error).name === 'ConstraintError') return false;
    throw e;
  }
}

/** Everything a delete removed (the asset and the settings row keyed to it), so undo can put it back as it was. */
export interface RemovedAsset {
  asset: Asset;
  setting: SettingRow | undefined;
}

/** Deletes an asset together with the settings row `settingKey` that belongs to it, in one transaction. */
export async function removeAsset(db: DirectorDb, id: string, settingKey: string, now = Date.now()): Promise<RemovedAsset | null> {
  return db.transaction('rw', db.assets, db.settings, db.projects, async () => {
    const asset = await db.assets.get(id);
    if (!asset) return null;
    const setting = await db.settings.get(settingKey);
    await db.assets.delete(id);
    await db.settings.delete(settingKey);
    await db.projects.update(asset.projectId, { updatedAt: now });
    return { asset, setting };
  });
}

/** Undoes `removeAsset` with the same id; a name taken meanwhile becomes "name-2.ext". Returns the name used. */
export async function putBackAsset(db: DirectorDb, removed: RemovedAsset, now = Date.now()): Promise<string> {
  const { asset, setting } = removed;
  return db.transaction('rw', db.assets, db.settings, db.projects, async () => {
    const taken = new Set((await db.assets.where('projectId').equals(asset.projectId).toArray()).map((a) => a.name));
    const dot = asset.name.lastIndexOf('.');
    const [stem, ext] = dot > asset.name.lastIndexOf('/') + 1 ? [asset.name.slice(0, dot), asset.name.slice(dot)] : [asset.name, ''];
    let name = asset.name;
    for (let n = 2; taken.has(name); n++) name = `${stem}-${n}${ext}`;
    await db.assets.put({ ...asset, name });
    if (setting) await db.settings.put(setting);
    await db.projects.update(asset.projectId, { updatedAt: now });
    return name;
  });
}

/** Writes a settings row that belongs to an asset, only while the asset exists (a delete meanwhile leaves no orphan). */
export async function putAssetSetting(db: DirectorDb, assetId: string, row: SettingRow): Promise<void> {
  await db.transaction('rw', db.assets, db.settings, async () => {
    if (await db.assets.where('id').equals(assetId).count()) await db.settings.put(row);
  });
}

/** Every asset of one media type, across projects (for sweeps such as re-cleaning stored SVG). */
export function listAssetsOfType(db: DirectorDb, type: string): Promise<Asset[]> {
  return db.assets.filter((a) => a.type === type).toArray();
}

/** Replaces an asset's bytes in place (same id, name and type), keeping its size in step. */
export async function replaceAssetBlob(db: DirectorDb, id: string, blob: Blob): Promise<void> {
  await db.assets.update(id, { blob, size: blob.size });
}
