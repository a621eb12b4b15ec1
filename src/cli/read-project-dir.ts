import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isAssetPath } from '../core/bundler/resolve-import';

const SKIP = new Set(['node_modules', '.git', 'out', 'dist', 'build', '.cache']);
const SOURCE = /\.(tsx?|jsx?|mjs|json|css)$/;
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface ProjectDir {
  files: Map<string, string>;
  /** staticFile() name -> bytes, from public/ (Remotion's convention) and media next to the sources. */
  assets: Map<string, Uint8Array>;
}

/** Reads a Remotion project folder from disk the way Director stores one: sources by path, media as assets. */
export async function readProjectDir(root: string): Promise<ProjectDir> {
  const files = new Map<string, string>();
  const assets = new Map<string, Uint8Array>();
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && (await stat(full)).size <= MAX_FILE_BYTES * 100) {
        if (rel.startsWith('public/')) assets.set(rel.slice('public/'.length), new Uint8Array(await readFile(full)));
        else if (isAssetPath(rel)) assets.set(rel, new Uint8Array(await readFile(full)));
        else if (SOURCE.test(rel) && rel !== 'package-lock.json' && (await stat(full)).size <= MAX_FILE_BYTES) files.set(rel, await readFile(full, 'utf8'));
      }
    }
  };
  await walk(root);
  return { files, assets };
}
