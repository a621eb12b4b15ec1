import type { SvgSanitizer } from '../agent/ports/svg-sanitizer';
import { restoreAssetBytes, SVG_TYPE } from '../backup/restore-asset-bytes';
import { unsafePathReason } from '../backup/safe-path';
import type { ProjectBundle } from '../backup/project-bundle';
import { findEntry, REMOTION_CONFIG_FILES } from '../bundler/find-entry';
import { isAssetPath } from '../bundler/resolve-import';
import { sniffMediaType } from '../media/sniff-media-type';
import { formatBytes } from '../util/format';
import { err, ok, type Result } from '../util/result';
import type { UnsupportedDependency } from './browser-engine-support';
import { findUnsupportedDependencies } from './project-dependencies';
import { REMOTION_IMPORT_LIMITS, SKIPPED_FOLDERS, type RemotionImportLimits } from './remotion-import-limits';

export type RemotionImportErrorCode = 'no_project' | 'no_entry' | 'unsafe_entry' | 'too_large' | 'wrong_type' | 'not_text';

export interface ImportedRemotionProject {
  /** Ready for the same write as a backup: a new project with these files and assets. */
  bundle: ProjectBundle;
  entry: string;
  /** Things a person should know: the config file not used, files left out. */
  notes: string[];
  dependencies: UnsupportedDependency[];
}

const SOURCE = /\.(tsx?|jsx?|mjs|cjs|json|css)$/i;
/** Data files in public/ that projects fetch with staticFile() (captions, transcripts, data). */
const DATA_TYPES: Record<string, string> = { json: 'application/json', txt: 'text/plain', srt: 'application/x-subrip', vtt: 'text/vtt', csv: 'text/csv' };
const LOCKFILES = new Set(['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock']);

/**
 * The gate for a Remotion project from disk (a folder chosen or dropped, or a zip's entries):
 * finds the project root (package.json, src/), keeps sources as files and public/ as assets
 * (named as staticFile() names them), checks every path and every asset's bytes (media by content,
 * SVG sanitised, data files as UTF-8 text), finds the entry point as the Remotion CLI does and lists
 * the packages the browser engine lacks. Nothing is written; bad input is a coded error.
 */
export function readRemotionProject(
  label: string,
  entries: ReadonlyMap<string, Uint8Array>,
  svg: SvgSanitizer,
  now = Date.now(),
  limits: RemotionImportLimits = REMOTION_IMPORT_LIMITS,
): Result<ImportedRemotionProject, RemotionImportErrorCode> {
  for (const path of entries.keys()) {
    const problem = unsafePathReason(path);
    if (problem) return err('unsafe_entry', `${label} holds a file named "${path.slice(0, 120)}", which is not allowed (${problem}). Nothing was imported.`);
  }
  const root = projectRoot([...entries.keys()]);
  if (root === null) return err('no_project', `${label} is not a Remotion project: it has no package.json or src/ folder. Choose the folder that holds package.json (or a zip of it).`);

  const notes: string[] = [];
  const skipped: string[] = [];
  const files = new Map<string, string>();
  const assets: ProjectBundle['assets'] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const text = (path: string, bytes: Uint8Array): string | null => {
    try {
      return decoder.decode(bytes);
    } catch {
      return null;
    }
  };

  for (const [fullPath, bytes] of entries) {
    if (!fullPath.startsWith(root)) continue;
    const path = fullPath.slice(root.length);
    const segments = path.split('/');
    if (segments.some((s) => SKIPPED_FOLDERS.has(s)) || segments.at(-1) === '.DS_Store' || LOCKFILES.has(path)) continue;
    if (path.startsWith('public/')) {
      const name = path.slice('public/'.length);
      const ext = name.split('.').pop()!.toLowerCase();
      if (DATA_TYPES[ext]) {
        if (bytes.length > limits.maxDataAssetBytes) return err('too_large', `${label}: ${path} is ${formatBytes(bytes.length)}, more than a data file may be (${formatBytes(limits.maxDataAssetBytes)}).`);
        if (text(path, bytes) === null) return err('not_text', `${label}: ${path} should be text, but it is not UTF-8. Nothing was imported.`);
        assets.push({ id: assetId(assets.length), name, type: DATA_TYPES[ext]!, createdAt: now, bytes });
        continue;
      }
      if (!isAssetPath(name)) {
        skipped.push(path);
        continue;
      }
      const asset = mediaAsset(label, name, bytes, svg, limits.maxAssetBytes, assets.length, now);
      if (!asset.ok) return asset;
      assets.push(asset.value);
    } else if (isAssetPath(path)) {
      // Media imported by path from the sources (import logo from './logo.png') is an asset under that path.
      const asset = mediaAsset(label, path, bytes, svg, limits.maxAssetBytes, assets.length, now);
      if (!asset.ok) return asset;
      assets.push(asset.value);
    } else if (SOURCE.test(path)) {
      if (bytes.length > limits.maxSourceFileBytes) return err('too_large', `${label}: ${path} is ${formatBytes(bytes.length)}, more than a source file may be (${formatBytes(limits.maxSourceFileBytes)}).`);
      const content = text(path, bytes);
      if (content === null) return err('not_text', `${label}: ${path} should be source text, but it is not UTF-8. Nothing was imported.`);
      files.set(path, content);
    } else skipped.push(path);
  }
  if (files.size > limits.maxSourceFiles) return err('too_large', `${label} has ${files.size} source files; a project may have ${limits.maxSourceFiles}.`);
  if (assets.length > limits.maxAssets) return err('too_large', `${label} has ${assets.length} files in public/; a project may have ${limits.maxAssets}.`);

  const entry = findEntry(files);
  if (!entry) return err('no_entry', `${label} has no entry point: Director looks for src/index.ts (or .tsx/.js) calling registerRoot(), as the Remotion CLI does.`);
  const config = REMOTION_CONFIG_FILES.find((f) => files.has(f));
  if (config) notes.push(`${config} is kept but not used: its settings are for the Remotion CLI; Director's Render view sets codec, quality and size.`);
  if (skipped.length) notes.push(`Left out ${skipped.length} file${skipped.length === 1 ? '' : 's'} that ${skipped.length === 1 ? 'is' : 'are'} neither source nor media: ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''}.`);
  const dependencies = findUnsupportedDependencies(files, new Set(assets.map((a) => a.name)), entry);

  return ok({
    bundle: {
      project: { name: projectName(files, root, label), width: 1920, height: 1080, fps: 30, createdAt: now, updatedAt: now },
      files: [...files].map(([path, content]) => ({ path, content, updatedAt: now })),
      assets,
      records: {},
    },
    entry,
    notes,
    dependencies,
  });
}

/** The folder prefix holding the project ("" or "my-video/"): the shallowest package.json, else the folder above src/. */
function projectRoot(paths: string[]): string | null {
  const useful = paths.filter((p) => !p.split('/').some((s) => SKIPPED_FOLDERS.has(s)));
  const byDepth = (a: string, b: string) => a.split('/').length - b.split('/').length;
  const pkg = useful.filter((p) => p === 'package.json' || p.endsWith('/package.json')).sort(byDepth)[0];
  if (pkg) return pkg.slice(0, -'package.json'.length);
  const src = useful.filter((p) => /(^|\/)src\//.test(p)).sort(byDepth)[0];
  if (!src) return null;
  return src.slice(0, src.search(/(^|\/)src\//) + (src.startsWith('src/') ? 0 : 1));
}

function mediaAsset(label: string, name: string, bytes: Uint8Array, svg: SvgSanitizer, maxBytes: number, index: number, now: number): Result<ProjectBundle['assets'][number], RemotionImportErrorCode> {
  if (bytes.length > maxBytes) return err('too_large', `${label}: ${name} is ${formatBytes(bytes.length)}, more than an asset may be (${formatBytes(maxBytes)}).`);
  const type = /\.svg$/i.test(name) ? SVG_TYPE : sniffMediaType(bytes.subarray(0, 4096));
  if (!type) return err('wrong_type', `${label}: ${name} is not media Director recognises by its bytes (it is damaged or not what its name says). Nothing was imported.`);
  const checked = restoreAssetBytes({ name, type }, bytes, svg);
  if (!checked.ok) return err('wrong_type', `${label}: ${checked.message}. Nothing was imported.`);
  return ok({ id: assetId(index), name, type, createdAt: now, bytes: checked.value });
}

const assetId = (index: number) => `import-${String(index).padStart(6, '0')}`;

function projectName(files: ReadonlyMap<string, string>, root: string, label: string): string {
  try {
    const name = (JSON.parse(files.get('package.json') ?? '{}') as { name?: unknown }).name;
    if (typeof name === 'string' && name.trim()) return name.trim().slice(0, 80);
  } catch {
    // A broken package.json is not fatal; the folder names the project.
  }
  return (root.replace(/\/$/, '').split('/').pop() || label.replace(/\.zip$/i, '')).slice(0, 80) || 'Remotion project';
}
