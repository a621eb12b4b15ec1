import { addAsset } from '../../db/assets-repo';
import { db } from '../db';
import { assetNameFromFileName } from './asset-name';
import { checkUpload } from './check-upload';

export interface UploadResult {
  fileName: string;
  ok: boolean;
  /** What happened, in a sentence that names the file. */
  message: string;
}

/**
 * Checks and stores files one at a time (checks decode images and fonts: one at a time keeps
 * memory flat), reporting each outcome. A refused file never stops the others.
 */
export async function uploadFiles(projectId: string, files: readonly File[], onProgress?: (done: number, current: string) => void): Promise<UploadResult[]> {
  const results: UploadResult[] = [];
  for (const [index, file] of files.entries()) {
    onProgress?.(index, file.name);
    results.push(await uploadOne(projectId, file));
  }
  onProgress?.(files.length, '');
  return results;
}

async function uploadOne(projectId: string, file: File): Promise<UploadResult> {
  const fileName = file.name;
  try {
    const check = await checkUpload(file);
    if (!check.ok) return { fileName, ok: false, message: `${fileName} was not added: ${check.reason}.` };
    const wanted = assetNameFromFileName(fileName);
    const asset = await addAsset(db, projectId, wanted, check.blob);
    const renamed = asset.name === wanted ? '' : ` as ${asset.name} (an asset named ${wanted} already exists)`;
    return { fileName, ok: true, message: `${fileName} was added${renamed}.` };
  } catch (e) {
    // Storage failures (quota, a closed database) are per file too.
    return { fileName, ok: false, message: `${fileName} was not added: ${(e as Error).message || 'it could not be stored'}.` };
  }
}
