import { googleFontOf, isVendoredSpecifier, unavailablePackageMessage } from './vendored-packages';

/** Where an import leads: a project file, a vendored package, an asset, a font shim, or nowhere. */
export type Resolution =
  | { kind: 'file'; path: string }
  | { kind: 'package'; specifier: string }
  | { kind: 'asset'; name: string }
  | { kind: 'google-font'; font: string }
  | { kind: 'error'; message: string };

const SOURCE_EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js', '.mjs', '.json', '.css'];
const ASSET_EXTENSION = /\.(png|jpe?g|gif|webp|avif|svg|mp4|webm|mov|m4v|mp3|wav|ogg|oga|m4a|aac|flac|opus|woff2?|ttf|otf)$/i;

export interface ProjectFiles {
  has(path: string): boolean;
}

export interface ProjectAssets {
  has(name: string): boolean;
}

/** Joins and normalises POSIX paths: ("src/scenes", "../a.ts") -> "src/a.ts"; null if it leaves the project. */
export function joinPath(dir: string, relative: string): string | null {
  const out: string[] = dir ? dir.split('/').filter(Boolean) : [];
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/**
 * Resolves an import the way a Remotion project on disk would: relative paths with or without an
 * extension, folder index files, JSON and CSS, media and fonts stored as project assets (also
 * reachable as `public/<name>`, where Remotion's staticFile() looks), and the vendored packages.
 */
export function resolveImport(specifier: string, importer: string, files: ProjectFiles, assets: ProjectAssets): Resolution {
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/')) {
    const base = specifier.startsWith('/') ? specifier.slice(1) : joinPath(dirname(importer), specifier);
    if (base === null) return { kind: 'error', message: `"${specifier}" points outside the project (imported from ${importer}).` };
    const file = findFile(base, files);
    if (file) return { kind: 'file', path: file };
    const asset = findAsset(base, assets);
    if (asset) return { kind: 'asset', name: asset };
    return { kind: 'error', message: `Cannot find "${specifier}" (imported from ${importer}). Looked for ${base} with ${SOURCE_EXTENSIONS.join(', ')} and ${base}/index.*.` };
  }
  const font = googleFontOf(specifier);
  if (font) return { kind: 'google-font', font };
  if (isVendoredSpecifier(specifier)) return { kind: 'package', specifier };
  return { kind: 'error', message: unavailablePackageMessage(specifier) };
}

function findFile(base: string, files: ProjectFiles): string | null {
  if (files.has(base) && !ASSET_EXTENSION.test(base)) return base;
  for (const ext of SOURCE_EXTENSIONS) if (files.has(base + ext)) return base + ext;
  for (const ext of SOURCE_EXTENSIONS) if (files.has(`${base}/index${ext}`)) return `${base}/index${ext}`;
  // TypeScript projects import "./x.js" meaning "./x.ts".
  const js = /\.(m?js|jsx)$/.exec(base);
  if (js) {
    const stem = base.slice(0, -js[0].length);
    for (const ext of ['.ts', '.tsx']) if (files.has(stem + ext)) return stem + ext;
  }
  return null;
}

/** Assets are named as staticFile() would name them; "public/logo.png" and "logo.png" are the same asset. */
function findAsset(base: string, assets: ProjectAssets): string | null {
  if (!ASSET_EXTENSION.test(base)) return null;
  const candidates = [base, base.replace(/^(src\/)?public\//, ''), base.split('/').pop()!];
  return candidates.find((name) => assets.has(name)) ?? null;
}

export function isAssetPath(path: string): boolean {
  return ASSET_EXTENSION.test(path);
}
