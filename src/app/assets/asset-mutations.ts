import Dexie from 'dexie';
import type { Asset } from '../../core/project/records';
import type { SettingRow } from '../../db/database';
import { db } from '../db';
import { analysisSettingKey } from './analysis-store';
import { problemWithAssetName } from './asset-name';

export type MutationResult = { ok: true } | { ok: false; message: string };

/** Renames an asset; names are unique per project (the [projectId+name] index enforces it too). */
export async function renameAsset(asset: Asset, requested: string): Promise<MutationResult> {
  const name = requested.trim();
  const problem = problemWithAssetName(name);
  if (problem) return { ok: false, message: problem };
  if (name === asset.name) return { ok: true };
  const taken = { ok: false, message: `Another asset of this project is already called “${name}”.` } as const;
  try {
    return await db.transaction('rw', db.assets, db.projects, async () => {
      if (await db.assets.where('[projectId+name]').equals([asset.projectId, name]).count()) return taken;
      await db.assets.update(asset.id, { name });
      await db.projects.update(asset.projectId, { updatedAt: Date.now() });
      return { ok: true } as const;
    });
  } catch (e) {
    // Another tab took the name between our check and the write.
    if (e instanceof Dexie.ConstraintError || (e as Error).name === 'ConstraintError') return taken;
    return { ok: false, message: `The asset could not be renamed: ${(e as Error).message}` };
  }
}

/** Everything a delete removed, so undo can put it back as it was (same id, so code and caches still match). */
export interface DeletedAsset {
  asset: Asset;
  analysis: SettingRow | undefined;
}

export async function deleteAsset(id: string): Promise<DeletedAsset | null> {
  return db.transaction('rw', db.assets, db.settings, db.projects, async () => {
    const asset = await db.assets.get(id);
    if (!asset) return null;
    const analysis = await db.settings.get(analysisSettingKey(id));
    await db.assets.delete(id);
    await db.settings.delete(analysisSettingKey(id));
    await db.projects.update(asset.projectId, { updatedAt: Date.now() });
    return { asset, analysis };
  });
}

/** Undoes a delete. If the name was taken meanwhile, the asset comes back as "name-2.ext"; returns the name used. */
export async function restoreAsset(deleted: DeletedAsset): Promise<string> {
  const { asset, analysis } = deleted;
  return db.transaction('rw', db.assets, db.settings, db.projects, async () => {
    const taken = new Set((await db.assets.where('projectId').equals(asset.projectId).toArray()).map((a) => a.name));
    const dot = asset.name.lastIndexOf('.');
    const [stem, ext] = dot > asset.name.lastIndexOf('/') + 1 ? [asset.name.slice(0, dot), asset.name.slice(dot)] : [asset.name, ''];
    let name = asset.name;
    for (let n = 2; taken.has(name); n++) name = `${stem}-${n}${ext}`;
    await db.assets.put({ ...asset, name });
    if (analysis) await db.settings.put(analysis);
    await db.projects.update(asset.projectId, { updatedAt: Date.now() });
    return name;
  });
}
