import type { SvgSanitizer } from '../agent/ports/svg-sanitizer';
import { unsafePathReason } from '../backup/safe-path';
import { isBombEntry, isZip, listZipEntries, unpackBudget, unpackZipWithin } from '../backup/zip-reading';
import { formatBytes } from '../util/format';
import { err, type Result } from '../util/result';
import { readRemotionProject, type ImportedRemotionProject, type RemotionImportErrorCode } from './read-remotion-project';
import { REMOTION_IMPORT_LIMITS, SKIPPED_FOLDERS, type RemotionImportLimits } from './remotion-import-limits';

export type RemotionZipErrorCode = RemotionImportErrorCode | 'not_a_zip' | 'corrupt' | 'too_many_entries' | 'zip_bomb';

/**
 * A zip of a Remotion project through the same hardened steps as a backup: size, names, entry count
 * and compression ratios from the central directory first; node_modules and build folders are never
 * unpacked; the rest unpacks within a budget; then the project gate.
 */
export function readRemotionZip(fileName: string, bytes: Uint8Array, svg: SvgSanitizer, now = Date.now(), limits: RemotionImportLimits = REMOTION_IMPORT_LIMITS): Result<ImportedRemotionProject, RemotionZipErrorCode> {
  const label = `“${fileName}”`;
  if (bytes.length > limits.maxZipBytes) return err('too_large', `${label} is ${formatBytes(bytes.length)}; a project zip may be ${formatBytes(limits.maxZipBytes)}.`);
  if (!isZip(bytes)) return err('not_a_zip', `${label} is not a zip archive. Choose a .zip of a Remotion project folder, or the folder itself.`);
  const listed = listZipEntries(bytes, limits.maxEntries);
  if (!listed.ok)
    return listed.why === 'too_many_entries'
      ? err('too_many_entries', `${label} holds more than ${limits.maxEntries} files. Zip the project without node_modules and try again.`)
      : err('corrupt', `${label} is damaged or incomplete (${listed.detail}).`);

  const wanted = new Set<string>();
  let total = 0;
  for (const info of listed.value) {
    if (info.name.endsWith('/')) continue;
    if (info.name.split('/').some((s) => SKIPPED_FOLDERS.has(s))) continue;
    const problem = unsafePathReason(info.name);
    if (problem) return err('unsafe_entry', `${label} holds a file named "${info.name.slice(0, 120)}", which is not allowed (${problem}). Nothing was imported.`);
    if (isBombEntry(info, limits.maxCompressionRatio))
      return err('zip_bomb', `${label} holds "${info.name.slice(0, 120)}", which would grow from ${formatBytes(info.size)} to ${formatBytes(info.originalSize)} when unpacked (a zip bomb). Nothing was imported.`);
    total += info.originalSize;
    wanted.add(info.name);
  }
  const budget = unpackBudget(bytes.length, limits);
  if (total > budget) return err('zip_bomb', `${label} would grow from ${formatBytes(bytes.length)} to ${formatBytes(total)} when unpacked (a zip bomb). Nothing was imported.`);
  const unpacked = unpackZipWithin(bytes, budget, (name) => wanted.has(name));
  if (!unpacked.ok)
    return unpacked.why === 'over_budget'
      ? err('zip_bomb', `${label} would grow past ${formatBytes(budget)} when unpacked (a zip bomb). Nothing was imported.`)
      : err('corrupt', `${label} is damaged or incomplete (${unpacked.detail}).`);
  return readRemotionProject(label, new Map(Object.entries(unpacked.value)), svg, now, limits);
}
