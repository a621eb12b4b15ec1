import { readRemotionProject, readRemotionZip, REMOTION_IMPORT_LIMITS, SKIPPED_FOLDERS, type ImportedRemotionProject } from '../../core/project-import';
import type { UnsupportedDependency } from '../../core/project-import';
import type { Project } from '../../core/project/project';
import { formatBytes } from '../../core/util/format';
import { err, ok, type Result } from '../../core/util/result';
import { importProjectBundle } from '../../db/bundle-repo';
import { checkImportedMedia } from '../assets/check-imported-media';
import { svgSanitizer } from '../assets/sanitize-svg';
import { db } from '../db';

/** What the person is told after an import: the new project and what to know about it. */
export interface RemotionImportReport {
  project: Project;
  entry: string;
  notes: string[];
  dependencies: UnsupportedDependency[];
}

/** One file of a chosen or dropped folder, by its path inside the folder ("my-video/src/index.ts"). */
export interface FolderFile {
  path: string;
  file: File;
}

/** A `.zip` of a Remotion project, checked completely, then written as a new project. */
export async function importRemotionZip(file: File): Promise<Result<RemotionImportReport, string>> {
  if (file.size > REMOTION_IMPORT_LIMITS.maxZipBytes) return err('too_large', `“${file.name}” is ${formatBytes(file.size)}; a project zip may be ${formatBytes(REMOTION_IMPORT_LIMITS.maxZipBytes)}.`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return err('unreadable', `“${file.name}” could not be read.`);
  }
  const read = readRemotionZip(file.name, bytes, svgSanitizer);
  return read.ok ? write(read.value) : err(read.code, read.message);
}

/**
 * A Remotion project folder (directory picker or drop). node_modules and build folders are never
 * read; the rest must fit the same budget as a zip's contents.
 */
export async function importRemotionFolder(name: string, files: readonly FolderFile[]): Promise<Result<RemotionImportReport, string>> {
  const wanted = files.filter((f) => !f.path.split('/').some((s) => SKIPPED_FOLDERS.has(s)));
  const total = wanted.reduce((sum, f) => sum + f.file.size, 0);
  if (total > REMOTION_IMPORT_LIMITS.maxTotalUncompressedBytes) return err('too_large', `“${name}” holds ${formatBytes(total)} besides node_modules; a project may hold ${formatBytes(REMOTION_IMPORT_LIMITS.maxTotalUncompressedBytes)}.`);
  const entries = new Map<string, Uint8Array>();
  try {
    for (const f of wanted) entries.set(f.path, new Uint8Array(await f.file.arrayBuffer()));
  } catch {
    return err('unreadable', `A file of “${name}” could not be read.`);
  }
  const read = readRemotionProject(`“${name}”`, entries, svgSanitizer);
  return read.ok ? write(read.value) : err(read.code, read.message);
}

async function write(imported: ImportedRemotionProject): Promise<Result<RemotionImportReport, string>> {
  const media = await checkImportedMedia(imported.bundle);
  if (!media.ok) return err(media.code, `Could not import the project: ${media.message}`);
  try {
    const project = await importProjectBundle(db, media.value);
    return ok({ project, entry: imported.entry, notes: imported.notes, dependencies: imported.dependencies });
  } catch (e) {
    const quota = e instanceof Error && /quota/i.test(`${e.name} ${e.message}`);
    return err(quota ? 'storage_full' : 'write_failed', quota ? 'Not enough storage space for this project. Free some space and try again; nothing was written.' : `Could not save the project: ${(e as Error).message}. Nothing was written.`);
  }
}
