import { joinPath } from './resolve-import';

/** Where a Remotion project starts: the file that calls registerRoot(), by convention src/index.ts. */
const CONVENTIONAL_ENTRIES = ['src/index.ts', 'src/index.tsx', 'src/index.js', 'src/index.jsx', 'index.ts', 'index.tsx', 'index.js'];

/** The Remotion CLI's config files; Director reads only the entry point from them. */
export const REMOTION_CONFIG_FILES = ['remotion.config.ts', 'remotion.config.js', 'remotion.config.mjs'];

/** `Config.setEntryPoint('./src/entry.tsx')` in remotion.config.*, as a project path; null without one. */
export function configuredEntry(files: ReadonlyMap<string, string>): string | null {
  for (const config of REMOTION_CONFIG_FILES) {
    const m = /\bsetEntryPoint\s*\(\s*(['"`])([^'"`]+)\1\s*\)/.exec(files.get(config) ?? '');
    if (!m) continue;
    const path = joinPath('', m[2]!);
    if (path && files.has(path)) return path;
  }
  return null;
}

/** As the Remotion CLI looks: the config's entry point, then src/index.*, then any file calling registerRoot(). */
export function findEntry(files: ReadonlyMap<string, string>): string | null {
  const configured = configuredEntry(files);
  if (configured) return configured;
  for (const path of CONVENTIONAL_ENTRIES) if (files.has(path)) return path;
  for (const [path, content] of files) if (/\.(tsx?|jsx?)$/.test(path) && !REMOTION_CONFIG_FILES.includes(path) && /\bregisterRoot\s*\(/.test(content)) return path;
  return null;
}
