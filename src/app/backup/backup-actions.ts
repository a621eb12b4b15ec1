import { BACKUP_LIMITS } from '../../core/backup/limits';
import { archiveFileName, packProjectArchive } from '../../core/backup/pack-archive';
import { readProjectArchive } from '../../core/backup/read-archive';
import { svgSanitizer } from '../assets/sanitize-svg';
import { checkImportedMedia } from '../assets/check-imported-media';
import { formatBytes } from '../../core/util/format';
import { err, ok, type Result } from '../../core/util/result';
import type { Project } from '../../core/project/project';
import { exportProjectBundle, importProjectBundle } from '../../db/bundle-repo';
import { db } from '../db';
import { downloadBlob } from '../render/download-blob';

const APP = `Director ${import.meta.env.VITE_APP_VERSION ?? '0.1.0'}`;

/** Packs a project into a `.director.zip` and hands it to the browser's download. */
export async function downloadProjectArchive(projectId: string): Promise<Result<{ fileName: string; bytes: number }, 'not_found'>> {
  const bundle = await exportProjectBundle(db, projectId);
  if (!bundle) return err('not_found', 'This project no longer exists.');
  const bytes = packProjectArchive(bundle, APP, Date.now());
  const fileName = archiveFileName(bundle.project.name);
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName);
  return ok({ fileName, bytes: bytes.length });
}

/** Checks a chosen file completely, then writes it as a new project; on any problem nothing is written. */
export async function importProjectArchive(file: File): Promise<Result<Project, string>> {
  if (file.size > BACKUP_LIMITS.maxArchiveBytes)
    return err('too_large', `“${file.name}” is ${formatBytes(file.size)}; backups up to ${formatBytes(BACKUP_LIMITS.maxArchiveBytes)} can be imported.`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return err('unreadable', `“${file.name}” could not be read.`);
  }
  const read = readProjectArchive(bytes, svgSanitizer);
  if (!read.ok) return err(read.code, `Could not import “${file.name}”. ${read.message}`);
  const media = await checkImportedMedia(read.value);
  if (!media.ok) return err(media.code, `Could not import “${file.name}”: ${media.message}`);
  try {
    return ok(await importProjectBundle(db, media.value));
  } catch (e) {
    const quota = e instanceof Error && /quota/i.test(`${e.name} ${e.message}`);
    return err(quota ? 'storage_full' : 'write_failed', quota ? 'Not enough storage space for this project. Free some space and try again; nothing was written.' : `Could not save the project: ${(e as Error).message}. Nothing was written.`);
  }
}
