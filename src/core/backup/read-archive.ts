import type { UnzipFileInfo } from 'fflate';
import type { SvgSanitizer } from '../agent/ports/svg-sanitizer';
import { PROJECT_RECORD_TABLES, type ProjectRecord, type ProjectRecordTable } from '../project/records';
import { err, ok, type Result } from '../util/result';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_LIMITS, type BackupLimits } from './limits';
import { describeZodError, manifestSchema, recordRowSchema, versionRowSchema, type BackupManifest } from './manifest';
import { ENTRY } from './pack-archive';
import type { ProjectBundle } from './project-bundle';
import { restoreAssetBytes } from './restore-asset-bytes';
import { unsafePathReason } from './safe-path';
import { formatBytes } from '../util/format';
import { isBombEntry, isZip, listZipEntries, unpackBudget, unpackZipWithin } from './zip-reading';

export type BackupErrorCode =
  | 'too_large'
  | 'not_a_zip'
  | 'corrupt'
  | 'too_many_entries'
  | 'unsafe_entry'
  | 'zip_bomb'
  | 'missing_manifest'
  | 'invalid_manifest'
  | 'mismatch'
  | 'invalid_file'
  | 'wrong_type'
  | 'invalid_records';

export type ReadArchiveResult = Result<ProjectBundle, BackupErrorCode>;

const RECORD_TABLES = new Set<string>(PROJECT_RECORD_TABLES);

/**
 * Messages say in plain words what is wrong with the file and what to do; the technical detail, when
 * it helps, comes last in parentheses. Callers add which file it was.
 */
const CHOOSE_A_BACKUP = 'Choose a .director.zip file made with Export in Director.';
const TRY_ANOTHER_COPY = 'Nothing was imported: export the project again, or use another copy of the file.';
const damaged = (what: string) => `This backup is damaged: ${what}. ${TRY_ANOTHER_COPY}`;
const unsafe = (what: string) => `This file is not a safe Director backup: ${what}. Nothing was imported.`;

/**
 * The one gate for `.director.zip` files: checks size, entry names, counts and compression
 * ratios from the central directory before decompressing anything, then the manifest's schema,
 * then every entry against the manifest, then unpacks within a byte budget and checks each entry's
 * real size, every asset's media kind (SVG comes back sanitised by `svg`) and every table's rows.
 * Returns a bundle only when all of it holds; otherwise a coded error whose message a person can
 * act on. Never throws for bad input.
 */
export function readProjectArchive(bytes: Uint8Array, svg: SvgSanitizer, limits: BackupLimits = BACKUP_LIMITS): ReadArchiveResult {
  if (bytes.length > limits.maxArchiveBytes)
    return err('too_large', `This file is too large to import: ${formatBytes(bytes.length)}, the limit is ${formatBytes(limits.maxArchiveBytes)}.`);
  if (!isZip(bytes)) return err('not_a_zip', `This file is not a Director backup (it is not a zip archive). ${CHOOSE_A_BACKUP}`);

  const listed = listEntries(bytes, limits.maxEntries);
  if (!listed.ok) return listed;
  const infos = listed.value;

  // Only listed so far, nothing unpacked: a zip that is no backup at all is told so before any detail.
  if (!infos.some((i) => i.name === ENTRY.manifest)) return err('missing_manifest', `This file is not a Director backup (its manifest is missing). ${CHOOSE_A_BACKUP}`);
  const names = new Set<string>();
  let total = 0;
  for (const info of infos) {
    const problem = entryNameProblem(info.name);
    if (problem) return err('unsafe_entry', unsafe(`it holds a file named "${printable(info.name)}", which is not allowed (${problem})`));
    if (names.has(info.name)) return err('unsafe_entry', unsafe(`it holds "${printable(info.name)}" twice`));
    names.add(info.name);
    total += info.originalSize;
    if (isBombEntry(info, limits.maxCompressionRatio))
      return err('zip_bomb', unsafe(`"${printable(info.name)}" would grow from ${formatBytes(info.size)} to ${formatBytes(info.originalSize)} when unpacked (a zip bomb)`));
  }
  if (total > limits.maxTotalUncompressedBytes)
    return err('too_large', `This backup is too large to import: it unpacks to ${formatBytes(total)}, the limit is ${formatBytes(limits.maxTotalUncompressedBytes)}.`);
  const budget = unpackBudget(bytes.length, limits);
  if (total > budget) return err('zip_bomb', unsafe(`it would grow from ${formatBytes(bytes.length)} to ${formatBytes(total)} when unpacked (a zip bomb)`));

  const manifestInfo = infos.find((i) => i.name === ENTRY.manifest)!;
  if (manifestInfo.originalSize > limits.maxManifestBytes)
    return err('invalid_manifest', damaged(`its manifest is ${formatBytes(manifestInfo.originalSize)}, more than a manifest can be (${formatBytes(limits.maxManifestBytes)})`));
  const manifestBytes = extract(bytes, (name) => name === ENTRY.manifest);
  if (!manifestBytes.ok) return manifestBytes;
  const manifest = parseManifest(manifestBytes.value[ENTRY.manifest]!);
  if (!manifest.ok) return manifest;

  const expected = expectedEntries(manifest.value);
  for (const info of infos) {
    const size = expected.get(info.name);
    if (size === undefined) return err('mismatch', damaged(`it holds "${printable(info.name)}", which its manifest does not list`));
    if (size >= 0 && size !== info.originalSize)
      return err('mismatch', damaged(`"${printable(info.name)}" is ${info.originalSize} bytes, but the manifest says ${size}`));
    if (info.name.startsWith('records/') && info.originalSize > limits.maxRecordsBytes)
      return err('too_large', `This backup is too large to import: ${printable(info.name)} is larger than ${formatBytes(limits.maxRecordsBytes)}.`);
  }
  for (const name of expected.keys()) if (!names.has(name)) return err('mismatch', damaged(`its manifest lists "${printable(name)}", but the file does not hold it`));

  const content = unpackWithin(bytes, budget);
  if (!content.ok) return content;
  // Sizes so far were the zip's own claims: a stored entry's real length is whatever its data is.
  for (const info of infos) {
    const real = content.value[info.name]!.length;
    if (real !== info.originalSize)
      return err('mismatch', damaged(`"${printable(info.name)}" unpacks to ${real} bytes, but the zip says ${info.originalSize}`));
  }
  return buildBundle(manifest.value, content.value, svg, limits);
}

function unpackWithin(bytes: Uint8Array, budget: number): Result<Record<string, Uint8Array>, BackupErrorCode> {
  const unpacked = unpackZipWithin(bytes, budget);
  if (unpacked.ok) return ok(unpacked.value);
  if (unpacked.why === 'over_budget') return err('zip_bomb', unsafe(`it would grow past ${formatBytes(budget)} when unpacked (a zip bomb)`));
  return err('corrupt', zipDamaged(new Error(unpacked.detail)));
}

function listEntries(bytes: Uint8Array, maxEntries: number): Result<UnzipFileInfo[], BackupErrorCode> {
  const listed = listZipEntries(bytes, maxEntries);
  if (listed.ok) return ok(listed.value);
  if (listed.why === 'too_many_entries')
    return err('too_many_entries', `This file is not a Director backup: it holds more than ${maxEntries} files, and a backup holds fewer. ${CHOOSE_A_BACKUP}`);
  return err('corrupt', zipDamaged(new Error(listed.detail)));
}

function extract(bytes: Uint8Array, want: (name: string) => boolean): Result<Record<string, Uint8Array>, BackupErrorCode> {
  const unpacked = unpackZipWithin(bytes, Number.MAX_SAFE_INTEGER, want);
  return unpacked.ok ? ok(unpacked.value) : err('corrupt', zipDamaged(new Error(unpacked.detail)));
}

/** A download or copy cut short is the usual cause: the zip's own error is kept as the detail. */
const zipDamaged = (e: unknown) => `This backup is damaged or incomplete: the zip archive cannot be read (${(e as Error).message}). ${TRY_ANOTHER_COPY}`;

function entryNameProblem(name: string): string | null {
  if (name === ENTRY.manifest) return null;
  const slash = name.indexOf('/');
  const folder = slash < 0 ? '' : name.slice(0, slash);
  const rest = name.slice(slash + 1);
  if (folder === 'src') return unsafePathReason(rest);
  if (folder === 'assets') return /^[A-Za-z0-9_-]{8,64}$/.test(rest) ? null : 'asset entries are named by id';
  if (folder === 'records') return RECORD_TABLES.has(rest.replace(/\.json$/, '')) && rest.endsWith('.json') ? null : 'unknown records table';
  return unsafePathReason(name) ?? 'entries live under src/, assets/ or records/';
}

function parseManifest(bytes: Uint8Array): Result<BackupManifest, BackupErrorCode> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return err('invalid_manifest', damaged('its manifest cannot be read (it is not valid JSON)'));
  }
  const envelope = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  if (envelope.format !== BACKUP_FORMAT) return err('invalid_manifest', `This file is not a Director backup (its manifest does not describe a Director project). ${CHOOSE_A_BACKUP}`);
  const version = envelope.formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION)
    return err('invalid_manifest', `This backup was made by a newer version of Director (backup format ${version}; this one reads format ${BACKUP_FORMAT_VERSION}). Update Director, then import it again.`);
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) return err('invalid_manifest', damaged(`its manifest has a wrong entry (${describeZodError(parsed.error)})`));
  return ok(parsed.data);
}

/** Entry name -> expected uncompressed size (-1 where the manifest does not state one). */
function expectedEntries(manifest: BackupManifest): Map<string, number> {
  const expected = new Map<string, number>([[ENTRY.manifest, -1]]);
  for (const f of manifest.files) expected.set(ENTRY.source(f.path), f.size);
  for (const a of manifest.assets) expected.set(ENTRY.asset(a.id), a.size);
  for (const t of manifest.records) expected.set(ENTRY.records(t), -1);
  return expected;
}

function buildBundle(manifest: BackupManifest, content: Record<string, Uint8Array>, svg: SvgSanitizer, limits: BackupLimits): ReadArchiveResult {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files: ProjectBundle['files'] = [];
  for (const f of manifest.files) {
    try {
      files.push({ path: f.path, content: decoder.decode(content[ENTRY.source(f.path)]!), updatedAt: f.updatedAt });
    } catch {
      return err('invalid_file', damaged(`the source file ${f.path} is not text (UTF-8)`));
    }
  }
  const assets: ProjectBundle['assets'] = [];
  const assetNames = new Set<string>();
  for (const a of manifest.assets) {
    const data = content[ENTRY.asset(a.id)]!;
    if (assetNames.has(a.name)) return err('mismatch', damaged(`two of its assets are named "${a.name}"`));
    assetNames.add(a.name);
    const restored = restoreAssetBytes(a, data, svg);
    if (!restored.ok) return err(restored.code, unsafe(restored.message));
    assets.push({ id: a.id, name: a.name, type: a.type, createdAt: a.createdAt, bytes: restored.value });
  }
  const records: ProjectBundle['records'] = {};
  for (const table of manifest.records) {
    const rows = parseRecords(table, content[ENTRY.records(table)]!, limits);
    if (!rows.ok) return rows;
    records[table] = rows.value;
  }
  return ok({ project: manifest.project, files, assets, records });
}

function parseRecords(table: ProjectRecordTable, bytes: Uint8Array, limits: BackupLimits): Result<ProjectRecord[], BackupErrorCode> {
  if (bytes.length > limits.maxRecordsBytes) return err('too_large', `This backup is too large to import: its ${table} records are larger than ${formatBytes(limits.maxRecordsBytes)}.`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return err('invalid_records', damaged(`its ${table} records cannot be read (records/${table}.json is not valid JSON)`));
  }
  if (!Array.isArray(json)) return err('invalid_records', damaged(`its ${table} records are not a list (records/${table}.json)`));
  if (json.length > limits.maxRecordRows)
    return err('too_large', `This backup is too large to import: it holds ${json.length} ${table} records, the limit is ${limits.maxRecordRows}.`);
  const schema = table === 'versions' ? versionRowSchema : recordRowSchema;
  const ids = new Set<string>();
  const rows: ProjectRecord[] = [];
  for (const [index, row] of json.entries()) {
    const parsed = schema.safeParse(row);
    if (!parsed.success) return err('invalid_records', damaged(`one of its ${table} records is wrong (records/${table}.json row ${index}: ${describeZodError(parsed.error)})`));
    if (ids.has(parsed.data.id)) return err('invalid_records', damaged(`two of its ${table} records have the same id (${parsed.data.id})`));
    ids.add(parsed.data.id);
    rows.push({ ...parsed.data, projectId: '' });
  }
  return ok(rows);
}

function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 120);
}
