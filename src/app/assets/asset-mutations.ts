import type { Asset } from '../../core/project/records';
import { putBackAsset, removeAsset, renameAssetIfFree, type RemovedAsset } from '../../db/assets-repo';
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
    return (await renameAssetIfFree(db, asset, name)) ? { ok: true } : taken;
  } catch (e) {
    return { ok: false, message: `The asset could not be renamed: ${(e as Error).message}` };
  }
}

/** Everything a delete removed, so undo can put it back as it was (same id, so code and caches still match). */
export type DeletedAsset = RemovedAsset;

/** Deletes an asset and its stored analysis. */
export function deleteAsset(id: string): Promise<DeletedAsset | null> {
  return removeAsset(db, id, analysisSettingKey(id));
}

/** Undoes a delete. If the name was taken meanwhile, the asset comes back as "name-2.ext"; returns the name used. */
export function restoreAsset(deleted: DeletedAsset): Promise<string> {
  return putBackAsset(db, deleted);
}
