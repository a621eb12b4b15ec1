import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ProjectSource } from './project-source.js';

export class UnsafePathError extends Error {
  override name = 'UnsafePathError';
}

/** Kept when the workspace is cleared: webpack's persistent cache lives under node_modules/.cache. */
const KEEP = new Set(['node_modules', 'package.json']);

/**
 * The one directory projects are bundled from. Using the same directory for every project keeps
 * webpack's persistent cache valid across projects (its key includes the entry's absolute path),
 * and writing only the files that changed lets it skip unchanged modules: that is what makes a
 * rebuild after a one-file edit take seconds instead of a cold build. One bundle at a time.
 */
export class Workspace {
  /** path → sha-256 of what is on disk, for files this workspace wrote. */
  private written = new Map<string, string>();

  constructor(readonly root: string) {}

  async init(): Promise<void> {
    await fs.mkdir(this.root, { recursive: true });
    for (const name of await fs.readdir(this.root)) if (!KEEP.has(name)) await fs.rm(path.join(this.root, name), { recursive: true, force: true });
    // webpack's cache goes to node_modules/.cache of the nearest package.json.
    await fs.writeFile(path.join(this.root, 'package.json'), JSON.stringify({ name: 'director-render-workspace', private: true }) + '\n');
    this.written.clear();
  }

  get publicDir(): string {
    return path.join(this.root, 'public');
  }

  entryPath(source: ProjectSource): string {
    return this.resolve(source.entry);
  }

  /** Makes the directory hold exactly `source`: changed files written, stale ones removed. */
  async sync(source: ProjectSource): Promise<void> {
    const wanted = new Map<string, string | Uint8Array>();
    // A project's own package.json is ignored: dependencies are the service's fixed set.
    for (const [p, text] of Object.entries(source.files)) if (p !== 'package.json') wanted.set(p, text);
    for (const asset of source.assets) wanted.set(`public/${asset.path}`, asset.bytes);
    for (const p of wanted.keys()) this.resolve(p);

    for (const p of this.written.keys()) {
      if (wanted.has(p)) continue;
      await fs.rm(this.resolve(p), { force: true });
      this.written.delete(p);
    }
    for (const [p, content] of wanted) {
      const hash = createHash('sha256').update(content).digest('hex');
      if (this.written.get(p) === hash) continue;
      const target = this.resolve(p);
      await removeConflicts(this.root, target);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, content);
      this.written.set(p, hash);
    }
    await fs.mkdir(this.publicDir, { recursive: true });
  }

  /** A project path as an absolute path that cannot leave the workspace or touch its internals. */
  resolve(p: string): string {
    const reason = unsafePathReason(p);
    if (reason) throw new UnsafePathError(`"${p}" ${reason}`);
    const target = path.resolve(this.root, p);
    if (!target.startsWith(this.root + path.sep)) throw new UnsafePathError(`"${p}" leaves the project`);
    return target;
  }
}

/** Why a project path may not be written, or null when it may. */
export function unsafePathReason(p: string): string | null {
  const parts = p.split('/');
  if (p.includes('\0') || p.includes('\\') || path.isAbsolute(p) || parts.some((s) => s === '..' || s === '.' || s === '')) return 'must be a relative path without "..", "." or empty parts';
  if (parts[0] === 'node_modules') return 'is reserved (node_modules belongs to the render service)';
  return null;
}

/** A file where a directory must go (or the reverse) would make the write fail: remove it. */
async function removeConflicts(root: string, target: string): Promise<void> {
  let dir = path.dirname(target);
  while (dir.startsWith(root + path.sep)) {
    const stat = await fs.lstat(dir).catch(() => null);
    if (stat && !stat.isDirectory()) await fs.rm(dir, { force: true });
    dir = path.dirname(dir);
  }
  const stat = await fs.lstat(target).catch(() => null);
  if (stat?.isDirectory()) await fs.rm(target, { recursive: true, force: true });
}
