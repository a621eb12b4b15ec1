import type { SvgSanitizer } from '../../core/agent/ports/svg-sanitizer';
import { listAssetsOfType, replaceAssetBlob } from '../../db/assets-repo';
import type { DirectorDb } from '../../db/database';
import { readSetting, writeSetting } from '../../db/settings-repo';

/** Bumped whenever the sanitiser gets stricter, so SVG stored under the old rules is cleaned again. */
const CLEANED_UNDER = 'svg-cleaned:v1';
const EMPTY_SVG = '<svg xmlns="http://www.w3.org/2000/svg"/>';

/**
 * SVG stored before every source went through the sanitiser (imports did not) may still carry
 * script. Once per sanitiser version, every stored SVG is passed through it again and rewritten
 * when it changes; one with no drawing left becomes an empty drawing. Returns how many changed.
 */
export async function cleanStoredSvgOnce(db: DirectorDb, svg: SvgSanitizer): Promise<number> {
  if (await readSetting(db, CLEANED_UNDER)) return 0;
  let changed = 0;
  for (const asset of await listAssetsOfType(db, 'image/svg+xml')) {
    const text = await asset.blob.text();
    const clean = svg.sanitize(text) ?? EMPTY_SVG;
    if (clean === text) continue;
    await replaceAssetBlob(db, asset.id, new Blob([clean], { type: 'image/svg+xml' }));
    changed++;
  }
  await writeSetting(db, CLEANED_UNDER, { at: Date.now(), changed });
  return changed;
}
