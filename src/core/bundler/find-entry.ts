/** Where a Remotion project starts: the file that calls registerRoot(), by convention src/index.ts. */
const CONVENTIONAL_ENTRIES = ['src/index.ts', 'src/index.tsx', 'src/index.js', 'src/index.jsx', 'index.ts', 'index.tsx', 'index.js'];

export function findEntry(files: ReadonlyMap<string, string>): string | null {
  for (const path of CONVENTIONAL_ENTRIES) if (files.has(path)) return path;
  for (const [path, content] of files) if (/\.(tsx?|jsx?)$/.test(path) && /\bregisterRoot\s*\(/.test(content)) return path;
  return null;
}
