import { newId } from '../core/util/ids';
import type { DirectorDb } from './database';

/** The hidden asset that holds a project's thumbnail; never listed as a staticFile a project uses. */
export const THUMBNAIL_ASSET_NAME = '.director/thumbnail.png';

/** Replaces the project's thumbnail with a PNG still, in one transaction. */
export async function setProjectThumbnail(db: DirectorDb, projectId: string, png: Blob, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.assets, db.projects, async () => {
    const previous = await db.assets.where('[projectId+name]').equals([projectId, THUMBNAIL_ASSET_NAME]).first();
    const id = previous?.id ?? newId();
    await db.assets.put({ id, projectId, name: THUMBNAIL_ASSET_NAME, type: 'image/png', size: png.size, createdAt: now, blob: png });
    await db.projects.update(projectId, { thumbnailAssetId: id });
  });
}
