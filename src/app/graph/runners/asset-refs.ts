import type { DirectorDb } from '../../../db/database';
import { RunnerError } from '../../../core/graph/node-runner';
import { blobToBase64 } from '../../../core/util/base64';
import { getAsset } from '../../../db/assets-repo';

/** What image, video and audio ports carry between nodes: a reference to a project asset. */
export interface AssetRef {
  assetId: string;
}

/** The asset id of an output that is an asset reference, else null. */
export const assetIdOf = (value: unknown): string | null => (isAssetRef(value) ? value.assetId : null);

export function isAssetRef(value: unknown): value is AssetRef {
  return !!value && typeof value === 'object' && typeof (value as AssetRef).assetId === 'string';
}

export async function blobOf(db: DirectorDb, ref: unknown, what: string): Promise<{ blob: Blob; name: string; type: string }> {
  if (!isAssetRef(ref)) throw new RunnerError('missing_input', `${what} is not connected or has no file yet.`, { retryable: false });
  const asset = await getAsset(db, ref.assetId);
  if (!asset) throw new RunnerError('missing_input', `${what}'s file is no longer in the project.`, { retryable: false });
  return { blob: asset.blob, name: asset.name, type: asset.type };
}


/** An image input as inline data for a provider request (PNG unless it is JPEG or WebP). */
export async function imageData(db: DirectorDb, ref: unknown, what: string) {
  const { blob, type } = await blobOf(db, ref, what);
  return { mimeType: (type === 'image/jpeg' || type === 'image/webp' ? type : 'image/png') as 'image/png', data: await blobToBase64(blob) };
}
