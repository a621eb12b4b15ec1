import type { ProjectBundle } from '../core/backup/project-bundle';
import { remapIds } from '../core/backup/remap-ids';
import { copyName, nameKeyOf, type Project } from '../core/project/project';
import { PROJECT_RECORD_TABLES, type ProjectRecord } from '../core/project/records';
import { newId } from '../core/util/ids';
import type { DirectorDb } from './database';
import { THUMBNAIL_ASSET_NAME } from './thumbnail-repo';

/** Reads one project and everything it owns into a storage-independent bundle (for backups, shares). */
export async function exportProjectBundle(db: DirectorDb, id: string): Promise<ProjectBundle | undefined> {
  const read = await db.transaction('r', [db.projects, ...db.projectTables()], async () => {
    const project = await db.projects.get(id);
    if (!project) return undefined;
    const files = await db.files.where('projectId').equals(id).toArray();
    const assets = await db.assets.where('projectId').equals(id).toArray();
    const records: ProjectBundle['records'] = {};
    for (const table of PROJECT_RECORD_TABLES) {
      const rows = (await db.table(table).where('projectId').equals(id).toArray()) as ProjectRecord[];
      if (rows.length) records[table] = rows;
    }
    return { project, files, assets, records };
  });
  if (!read) return undefined;
  // Blob reads are not IndexedDB requests: done after the transaction, which they would end early.
  const assets = await Promise.all(
    read.assets.map(async (a) => ({ id: a.id, name: a.name, type: a.type, createdAt: a.createdAt, bytes: new Uint8Array(await a.blob.arrayBuffer()) })),
  );
  const { name, width, height, fps, createdAt, updatedAt } = read.project;
  return {
    project: { name, width, height, fps, createdAt, updatedAt },
    files: read.files.map((f) => ({ path: f.path, content: f.content, updatedAt: f.updatedAt })),
    assets,
    records: read.records,
  };
}

/**
 * Writes a bundle as a new project, in one transaction: every row gets a fresh id, so importing
 * the same backup twice gives two independent projects. The bundle must come from a restore gate.
 */
export async function importProjectBundle(db: DirectorDb, bundle: ProjectBundle, now = Date.now()): Promise<Project> {
  const projectId = newId();
  const idMap = new Map<string, string>();
  for (const a of bundle.assets) idMap.set(a.id, newId());
  for (const rows of Object.values(bundle.records)) for (const row of rows ?? []) idMap.set(row.id, newId());
  const assets = bundle.assets.map((a) => ({
    id: idMap.get(a.id)!,
    projectId,
    name: a.name,
    type: a.type,
    size: a.bytes.length,
    createdAt: a.createdAt,
    blob: new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: a.type }),
  }));
  return db.transaction('rw', [db.projects, ...db.projectTables()], async () => {
    const taken = new Set((await db.projects.where('trashedAt').equals(0).toArray()).map((p) => p.nameKey));
    const name = taken.has(nameKeyOf(bundle.project.name)) ? copyName(bundle.project.name, taken) : bundle.project.name.trim();
    const project: Project = { ...bundle.project, id: projectId, name, nameKey: nameKeyOf(name), trashedAt: 0, updatedAt: now };
    await db.projects.add(project);
    await db.files.bulkAdd(bundle.files.map((f) => ({ id: newId(), projectId, path: f.path, content: f.content, updatedAt: f.updatedAt })));
    await db.assets.bulkAdd(assets);
    const thumbnail = assets.find((a) => a.name === THUMBNAIL_ASSET_NAME);
    if (thumbnail) await db.projects.update(projectId, { thumbnailAssetId: thumbnail.id });
    for (const [table, rows] of Object.entries(bundle.records)) {
      await db.table(table).bulkAdd((rows ?? []).map((row) => ({ ...remapIds(row, idMap), projectId })));
    }
    return project;
  });
}
