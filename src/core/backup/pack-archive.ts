import { strToU8, zipSync, type Zippable } from 'fflate';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './limits';
import type { BackupManifest } from './manifest';
import type { ProjectBundle } from './project-bundle';

export const ENTRY = {
  manifest: 'manifest.json',
  source: (path: string) => `src/${path}`,
  asset: (id: string) => `assets/${id}`,
  records: (table: string) => `records/${table}.json`,
} as const;

/** Media is already compressed: storing it saves time and loses nothing. */
const TEXT_LEVEL = 6;
const MEDIA_LEVEL = 0;

/** Packs a project into the bytes of a `.director.zip`: manifest.json, src/…, assets/…, records/…. */
export function packProjectArchive(bundle: ProjectBundle, app: string, now: number): Uint8Array {
  const entries: Zippable = {};
  const encoded = bundle.files.map((f) => ({ ...f, bytes: strToU8(f.content) }));
  for (const f of encoded) entries[ENTRY.source(f.path)] = [f.bytes, { level: TEXT_LEVEL }];
  for (const a of bundle.assets) entries[ENTRY.asset(a.id)] = [a.bytes, { level: MEDIA_LEVEL }];
  const tables = Object.entries(bundle.records).filter(([, rows]) => rows && rows.length > 0);
  for (const [table, rows] of tables) {
    // projectId is the exporting machine's; the importer assigns its own.
    const portable = rows!.map(({ projectId: _drop, ...row }) => row);
    entries[ENTRY.records(table)] = [strToU8(JSON.stringify(portable)), { level: TEXT_LEVEL }];
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: now,
    app,
    project: { ...bundle.project },
    files: encoded.map((f) => ({ path: f.path, size: f.bytes.length, updatedAt: f.updatedAt })),
    assets: bundle.assets.map((a) => ({ id: a.id, name: a.name, type: a.type, size: a.bytes.length, createdAt: a.createdAt })),
    records: tables.map(([table]) => table) as BackupManifest['records'],
  };
  entries[ENTRY.manifest] = [strToU8(JSON.stringify(manifest, null, 2)), { level: TEXT_LEVEL }];
  return zipSync(entries);
}

/** "My Film: take 2" -> "My-Film-take-2.director.zip" */
export function archiveFileName(projectName: string): string {
  const slug = projectName.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').slice(0, 80);
  return `${slug || 'project'}.director.zip`;
}
