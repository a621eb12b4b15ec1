import { checkProjectInput, copyName, makeProject, nameKeyOf, type NewProjectInput, type Project } from '../core/project/project';
import { remapIds } from '../core/backup/remap-ids';
import { newId } from '../core/util/ids';
import { err, ok, type Result } from '../core/util/result';
import type { DirectorDb } from './database';

export type ProjectEditError = 'invalid_input' | 'not_found';

/** Projects and their lifecycle. Each function is one transaction: nothing half-written. */
export function createProject(db: DirectorDb, input: NewProjectInput, now = Date.now()): Promise<Result<Project, ProjectEditError>> {
  const problem = checkProjectInput(input);
  if (problem) return Promise.resolve(err('invalid_input', problem.message));
  const project = makeProject(input, newId(), now);
  return db.projects.add(project).then(() => ok(project));
}

export async function getProject(db: DirectorDb, id: string): Promise<Project | undefined> {
  const project = await db.projects.get(id);
  return project && project.trashedAt === 0 ? project : undefined;
}

/** Live projects, newest edit first. Search and other sorts are applied by `searchProjects`. */
export function listProjects(db: DirectorDb): Promise<Project[]> {
  return db.projects.where('trashedAt').equals(0).reverse().sortBy('updatedAt');
}

export async function renameProject(db: DirectorDb, id: string, name: string, now = Date.now()): Promise<Result<Project, ProjectEditError>> {
  return updateProject(db, id, { name }, now);
}

/** Changes name, size or fps; validated as a whole, written in one step. */
export async function updateProject(
  db: DirectorDb,
  id: string,
  patch: Partial<NewProjectInput>,
  now = Date.now(),
): Promise<Result<Project, ProjectEditError>> {
  return db.transaction('rw', db.projects, async () => {
    const current = await db.projects.get(id);
    if (!current || current.trashedAt !== 0) return err('not_found', 'This project no longer exists (deleted in another tab?).');
    const next = { name: current.name, width: current.width, height: current.height, fps: current.fps, ...patch };
    const problem = checkProjectInput(next);
    if (problem) return err('invalid_input', problem.message);
    const name = next.name.trim();
    const updated: Project = { ...current, ...next, name, nameKey: nameKeyOf(name), updatedAt: Math.max(now, current.updatedAt + 1) };
    await db.projects.put(updated);
    return ok(updated);
  });
}

/** Copies a project and every row that belongs to it; references between rows follow the new ids. */
export async function duplicateProject(db: DirectorDb, id: string, now = Date.now()): Promise<Result<Project, ProjectEditError>> {
  return db.transaction('rw', [db.projects, ...db.projectTables()], async () => {
    const source = await db.projects.get(id);
    if (!source || source.trashedAt !== 0) return err('not_found', 'This project no longer exists.');
    const taken = new Set((await db.projects.where('trashedAt').equals(0).toArray()).map((p) => p.nameKey));
    const copyId = newId();
    const idMap = new Map<string, string>([[id, copyId]]);
    const tables = db.projectTables();
    const rowsByTable = await Promise.all(tables.map((t) => t.where('projectId').equals(id).toArray()));
    for (const rows of rowsByTable) for (const row of rows) idMap.set(row.id, newId());
    const name = copyName(source.name, taken);
    const copy: Project = { ...source, id: copyId, name, nameKey: nameKeyOf(name), createdAt: now, updatedAt: now, trashedAt: 0 };
    if (source.thumbnailAssetId) copy.thumbnailAssetId = idMap.get(source.thumbnailAssetId) ?? source.thumbnailAssetId;
    await db.projects.add(copy);
    await Promise.all(tables.map((t, i) => t.bulkAdd(rowsByTable[i]!.map((row) => remapIds(row, idMap)))));
    return ok(copy);
  });
}

/** Moves a project to the trash: it disappears from lists at once and can be restored until purged. */
export async function trashProject(db: DirectorDb, id: string, now = Date.now()): Promise<boolean> {
  return (await db.projects.update(id, { trashedAt: now })) === 1;
}

export async function restoreProject(db: DirectorDb, id: string): Promise<boolean> {
  return (await db.projects.update(id, { trashedAt: 0 })) === 1;
}

/** Deletes for good the projects trashed before `before`, with every row they own. */
export async function purgeTrashed(db: DirectorDb, before: number): Promise<number> {
  return db.transaction('rw', [db.projects, ...db.projectTables(), ...db.projectKeyedTables()], async () => {
    const doomed = await db.projects.where('trashedAt').between(1, before, true, false).primaryKeys();
    if (doomed.length === 0) return 0;
    await Promise.all([...db.projectTables(), ...db.projectKeyedTables()].map((t) => t.where('projectId').anyOf(doomed).delete()));
    await db.projects.bulkDelete(doomed);
    return doomed.length;
  });
}

/** Counts of what a project holds, for its overview; cheap even for thousands of rows. */
export async function projectCounts(db: DirectorDb, id: string) {
  const [files, assets, versions] = await Promise.all([
    db.files.where('projectId').equals(id).count(),
    db.assets.where('projectId').equals(id).count(),
    db.versions.where('projectId').equals(id).count(),
  ]);
  return { files, assets, versions };
}

/** Deletes one trashed project for good (a live project is left alone). */
export async function purgeProject(db: DirectorDb, id: string): Promise<boolean> {
  return db.transaction('rw', [db.projects, ...db.projectTables(), ...db.projectKeyedTables()], async () => {
    const project = await db.projects.get(id);
    if (!project || project.trashedAt === 0) return false;
    await Promise.all([...db.projectTables(), ...db.projectKeyedTables()].map((t) => t.where('projectId').equals(id).delete()));
    await db.projects.delete(id);
    return true;
  });
}
