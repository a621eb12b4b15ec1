import type { ProjectBundle } from '../../core/backup/project-bundle';
import { err, ok, type Result } from '../../core/util/result';
import { kindOfType } from './asset-kinds';

/**
 * The browser half of the restore gate for media: what the gate in core recognised by its bytes
 * must also decode here. Images are decoded, fonts loaded; SVG was already cleaned by the gate, and
 * video and audio are decoded later off the main thread, as uploads are. The message names the asset.
 */
export async function checkImportedMedia(bundle: ProjectBundle): Promise<Result<ProjectBundle, 'undecodable'>> {
  for (const asset of bundle.assets) {
    const kind = kindOfType(asset.type);
    const blob = new Blob([asset.bytes as Uint8Array<ArrayBuffer>], { type: asset.type });
    try {
      if (kind === 'image') (await createImageBitmap(blob)).close();
      else if (kind === 'font') await new FontFace('director-import-check', await blob.arrayBuffer()).load();
      else continue;
    } catch {
      return err('undecodable', `the asset "${asset.name}" is not ${kind === 'image' ? 'an image' : 'a font'} Director can open (it is damaged or not what it claims to be). Nothing was imported.`);
    }
  }
  return ok(bundle);
}
