import { localNameOfRemote } from '../../core/remotion-compat';
import { addAsset } from '../../db/assets-repo';
import { db } from '../db';
import { checkUpload } from './check-upload';

export interface SavedRemote {
  url: string;
  /** The asset's name, or why the file was not saved. */
  result: { ok: true; name: string } | { ok: false; reason: string };
}

/**
 * Fetches remote media a project uses (from the app, which has the network the sandbox lacks) and
 * keeps each as an asset under `remote/<host>/<path>`, where the runtime looks for it by URL: the
 * project then renders offline without a code change. Each file passes the upload checks.
 */
export async function saveRemoteAssets(projectId: string, urls: readonly string[]): Promise<SavedRemote[]> {
  const saved: SavedRemote[] = [];
  for (const url of urls) {
    const name = localNameOfRemote(url);
    if (!name) {
      saved.push({ url, result: { ok: false, reason: 'the address does not name a file' } });
      continue;
    }
    try {
      const response = await fetch(url, { mode: 'cors', credentials: 'omit' });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const blob = await response.blob();
      const check = await checkUpload(new File([blob], name.split('/').pop()!, { type: blob.type }));
      if (!check.ok) throw new Error(check.reason);
      await addAsset(db, projectId, name, check.blob);
      saved.push({ url, result: { ok: true, name } });
    } catch (e) {
      saved.push({ url, result: { ok: false, reason: (e as Error).message || 'it could not be downloaded (offline, or the site does not allow it)' } });
    }
  }
  return saved;
}
