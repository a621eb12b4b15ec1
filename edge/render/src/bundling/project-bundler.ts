import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bundle } from '@remotion/bundler';
import type { RenderFailure } from '../contract/render-view.js';
import type { ProjectSource } from '../project/project-source.js';
import { projectHash } from '../project/project-source.js';
import { Workspace } from '../project/workspace.js';
import { describeBuildError } from './build-error.js';
import { GoogleFontShims } from './google-font-shims.js';

const require = createRequire(import.meta.url);
/** The service's node_modules: projects resolve react, remotion and the vendored packages here. */
const OWN_NODE_MODULES = path.resolve(path.dirname(require.resolve('remotion/package.json')), '..');
const REMOTION_VERSION = (require('remotion/package.json') as { version: string }).version;
/** Bump when the webpack override changes what a bundle contains. */
const OVERRIDE_VERSION = 1;

export class BuildError extends Error {
  override name = 'BuildError';
  constructor(readonly failure: RenderFailure) {
    super(failure.message);
  }
}

export interface BundleResult {
  /** Directory with index.html: renderMedia's serveUrl. */
  dir: string;
  hash: string;
  cached: boolean;
  ms: number;
  /** Call when the render that uses the bundle is over, so eviction may delete it. */
  release(): void;
}

interface CacheEntry {
  dir: string;
  lastUsed: number;
  users: number;
}

/**
 * Bundles projects with @remotion/bundler (webpack) and keeps the results by content hash: a
 * second render of the same sources and assets skips webpack entirely. One webpack run at a
 * time (they share one workspace and each uses every core).
 */
export class ProjectBundler {
  private readonly workspace: Workspace;
  private readonly fonts: GoogleFontShims;
  private readonly bundlesDir: string;
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private lock: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: { workDir: string; cacheMax: number; googleFonts: 'auto' | 'local' }) {
    this.workspace = new Workspace(path.join(options.workDir, 'workspace'));
    this.fonts = new GoogleFontShims(options.workDir, options.googleFonts);
    this.bundlesDir = path.join(options.workDir, 'bundles');
  }

  /** Prepares the directories and adopts bundles left by an earlier run. */
  async init(): Promise<void> {
    await this.workspace.init();
    await this.fonts.init();
    await fs.mkdir(this.bundlesDir, { recursive: true });
    for (const name of await fs.readdir(this.bundlesDir)) {
      const dir = path.join(this.bundlesDir, name);
      const complete = /^[0-9a-f]{32}$/.test(name) && (await fs.access(path.join(dir, 'index.html')).then(() => true, () => false));
      if (complete) this.cache.set(name, { dir, lastUsed: (await fs.stat(dir)).mtimeMs, users: 0 });
      else await fs.rm(dir, { recursive: true, force: true });
    }
  }

  get workspaceRoot(): string {
    return this.workspace.root;
  }

  hashOf(source: ProjectSource): string {
    return projectHash(source, `remotion ${REMOTION_VERSION}; override ${OVERRIDE_VERSION}; fonts ${this.options.googleFonts}`);
  }

  /** The bundle for `source`, from the cache or from a webpack run; progress 0..1. */
  async bundle(source: ProjectSource, onProgress: (fraction: number) => void = () => {}): Promise<BundleResult> {
    const started = performance.now();
    const hash = this.hashOf(source);
    let cached = this.cache.has(hash);
    if (!cached) {
      let building = this.inFlight.get(hash);
      if (!building) {
        building = this.exclusive(() => this.build(source, hash, onProgress)).finally(() => this.inFlight.delete(hash));
        this.inFlight.set(hash, building);
      } else {
        cached = true; // another request is building the same project: share its result
      }
      await building;
    }
    const entry = this.cache.get(hash);
    if (!entry) throw new Error('bundle vanished from the cache');
    entry.users += 1;
    entry.lastUsed = Date.now();
    let released = false;
    return {
      dir: entry.dir,
      hash,
      cached,
      ms: Math.round(performance.now() - started),
      release: () => {
        if (released) return;
        released = true;
        entry.users -= 1;
        void this.evict();
      },
    };
  }

  private async build(source: ProjectSource, hash: string, onProgress: (fraction: number) => void): Promise<void> {
    await this.workspace.sync(source);
    await this.fonts.prepare(source.files);
    const finalDir = path.join(this.bundlesDir, hash);
    const partialDir = `${finalDir}.partial`;
    await fs.rm(partialDir, { recursive: true, force: true });
    try {
      await bundle({
        entryPoint: this.workspace.entryPath(source),
        rootDir: this.workspace.root,
        publicDir: this.workspace.publicDir,
        outDir: partialDir,
        enableCaching: true,
        onProgress: (percent) => onProgress(percent / 100),
        webpackOverride: (config) => ({
          ...config,
          infrastructureLogging: { level: 'error' },
          resolve: {
            ...config.resolve,
            // The workspace has no node_modules of its own.
            modules: ['node_modules', OWN_NODE_MODULES],
            alias: { ...(config.resolve?.alias as Record<string, string>), '@remotion/google-fonts': this.fonts.dir },
          },
        }),
      });
    } catch (err) {
      await fs.rm(partialDir, { recursive: true, force: true });
      throw new BuildError(describeBuildError(err, this.workspace.root, [OWN_NODE_MODULES]));
    }
    await fs.rm(finalDir, { recursive: true, force: true });
    await fs.rename(partialDir, finalDir);
    this.cache.set(hash, { dir: finalDir, lastUsed: Date.now(), users: 0 });
    await this.evict();
  }

  /** Deletes the least recently used bundles beyond the limit, never one a render is using. */
  private async evict(): Promise<void> {
    const idle = [...this.cache.entries()].filter(([, e]) => e.users === 0).sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    let excess = this.cache.size - this.options.cacheMax;
    for (const [hash, entry] of idle) {
      if (excess <= 0) break;
      this.cache.delete(hash);
      excess -= 1;
      await fs.rm(entry.dir, { recursive: true, force: true });
    }
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lock.then(task, task);
    this.lock = run.catch(() => undefined);
    return run;
  }
}
