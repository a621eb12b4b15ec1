import type { Asset } from '../core/project/records';
import { newId } from '../core/util/ids';
import type { DirectorDb } from './database';

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
