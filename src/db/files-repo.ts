import type { ApplyChangesError, FileChange } from '../core/agent/ports/project-workspace';
import { contentHash } from '../core/agent/workspace/content-hash';
import { unsafePathReason } from '../core/backup/safe-path';
import type { ProjectFile } from '../core/project/records';
import { newId } from '../core/util/ids';
import { err, ok, type Result } from '../core/util/result';
import type { DirectorDb } from './database';

export type FileEditError = 'invalid_path' | 'exists' | 'not_found';

/** A project's Remotion source tree (the virtual file system), path by path. */
export function listFiles(db: DirectorDb, projectId: string): Promise<ProjectFile[]> {
  return db.files.where('projectId').equals(projectId).sortBy('path');
}

/** Saves a file's content (creating it if needed) and marks the project edited, in one transaction. */
export async function writeFile(db: DirectorDb, projectId: string, path: string, content: string, now = Date.now()): Promise<Result<ProjectFile, FileEditError>> {
  const reason = unsafePathReason(path);
  if (reason) return err('invalid_path', `Cannot save "${path}": ${reason}.`);
  return db.transaction('rw', db.files, db.projects, async () => {
    const existing = await db.files.where('[projectId+path]').equals([projectId, path]).first();
    const file: ProjectFile = { id: existing?.id ?? newId(), projectId, path, content, updatedAt: now };
    await db.files.put(file);
    await db.projects.update(projectId, { updatedAt: now });
    return ok(file);
  });
}

export async function createFile(db: DirectorDb, projectId: string, path: string, content = ''): Promise<Result<ProjectFile, FileEditError>> {
  const reason = unsafePathReason(path);
  if (reason) return err('invalid_path', `Cannot create "${path}": ${reason}.`);
  if (await db.files.where('[projectId+path]').equals([projectId, path]).count()) return err('exists', `${path} already exists.`);
  return writeFile(db, projectId, path, content);
}

export async function renameFile(db: DirectorDb, projectId: string, from: string, to: string): Promise<Result<ProjectFile, FileEditError>> {
  const reason = unsafePathReason(to);
  if (reason) return err('invalid_path', `Cannot rename to "${to}": ${reason}.`);
  return db.transaction('rw', db.files, db.projects, async () => {
    const file = await db.files.where('[projectId+path]').equals([projectId, from]).first();
    if (!file) return err('not_found', `${from} no longer exists.`);
    if (from !== to && (await db.files.where('[projectId+path]').equals([projectId, to]).count())) return err('exists', `${to} already exists.`);
    const renamed = { ...file, path: to, updatedAt: Date.now() };
    await db.files.put(renamed);
    await db.projects.update(projectId, { updatedAt: renamed.updatedAt });
    return ok(renamed);
  });
}

export async function deleteFile(db: DirectorDb, projectId: string, path: string): Promise<boolean> {
  return db.transaction('rw', db.files, db.projects, async () => {
    const deleted = await db.files.where('[projectId+path]').equals([projectId, path]).delete();
    if (deleted) await db.projects.update(projectId, { updatedAt: Date.now() });
    return deleted > 0;
  });
}

/** Replaces the whole source tree (a template, a restored version) in one transaction. */
export async function replaceFiles(db: DirectorDb, projectId: string, files: Record<string, string>, now = Date.now()): Promise<void> {
  for (const path of Object.keys(files)) {
    const reason = unsafePathReason(path);
    if (reason) throw new Error(`[director] replaceFiles: unsafe path "${path}": ${reason}`);
  }
  await db.transaction('rw', db.files, db.projects, async () => {
    await db.files.where('projectId').equals(projectId).delete();
    await db.files.bulkAdd(Object.entries(files).map(([path, content]) => ({ id: newId(), projectId, path, content, updatedAt: now })));
    await db.projects.update(projectId, { updatedAt: now });
  });
}

export function readFile(db: DirectorDb, projectId: string, path: string): Promise<ProjectFile | undefined> {
  return db.files.where('[projectId+path]').equals([projectId, path]).first();
}

export function countFiles(db: DirectorDb, projectId: string): Promise<number> {
  return db.files.where('projectId').equals(projectId).count();
}

/**
 * The agent's atomic batch (see ProjectWorkspace.applyChanges): every path and hash guard is
 * checked inside one transaction before anything is written, so a batch is all or nothing.
 * Returns the files written (deletes are not listed).
 */
export async function applyFileChanges(db: DirectorDb, projectId: string, changes: readonly FileChange[], now = Date.now()): Promise<Result<ProjectFile[], ApplyChangesError>> {
  for (const c of changes) {
    const reason = unsafePathReason(c.path);
    if (reason) return err('invalid_path', `${c.path}: ${reason}`);
  }
  return db.transaction('rw', db.files, db.projects, async () => {
    const current = new Map<string, ProjectFile | undefined>();
    for (const c of changes) {
      const row = await db.files.where('[projectId+path]').equals([projectId, c.path]).first();
      current.set(c.path, row);
      if (c.expectedHash === null && row) return err('conflict', `${c.path} already exists.`);
      if (typeof c.expectedHash === 'string' && !row) return err('not_found', `${c.path} does not exist.`);
      if (typeof c.expectedHash === 'string' && contentHash(row!.content) !== c.expectedHash) return err('conflict', `${c.path} changed since it was read; read it again.`);
      if (c.content === null && !row) return err('not_found', `${c.path} does not exist.`);
    }
    const written: ProjectFile[] = [];
    for (const c of changes) {
      const row = current.get(c.path);
      if (c.content === null) await db.files.delete(row!.id);
      else {
        const file: ProjectFile = { id: row?.id ?? newId(), projectId, path: c.path, content: c.content, updatedAt: now };
        await db.files.put(file);
        written.push(file);
      }
    }
    await db.projects.update(projectId, { updatedAt: now });
    return ok(written);
  });
}
