import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ServiceConfig } from '../config.js';
import type { RenderRequest } from '../contract/render-request.js';
import type { RenderFailure, RenderView } from '../contract/render-view.js';
import { BuildError, type ProjectBundler } from '../bundling/project-bundler.js';
import { JobStore } from '../jobs/job-store.js';
import { RenderJob } from '../jobs/render-job.js';
import { RunQueue } from '../jobs/run-queue.js';
import { AssetError, projectSourceOf } from '../project/project-source.js';
import { UnsafePathError } from '../project/workspace.js';
import type { Logger } from '../server/logger.js';
import { ServiceError } from '../server/service-error.js';
import { CompositionNotFoundError, renderWithChromium } from './chromium-render.js';
import type { RenderBackend, RenderFile } from './render-backend.js';

/** Renders on this machine: bundle (cached) → selectComposition → renderMedia with Chromium. */
export class LocalBackend implements RenderBackend {
  readonly kind = 'local';
  private readonly jobs = new JobStore();
  private readonly queue: RunQueue<RenderJob>;
  private readonly outputDir: string;

  constructor(
    private readonly config: ServiceConfig,
    private readonly bundler: ProjectBundler,
    private readonly log: Logger,
  ) {
    this.queue = new RunQueue(config.parallelRenders);
    this.outputDir = path.join(config.workDir, 'outputs');
  }

  async init(): Promise<void> {
    // Outputs of an earlier process have no records any more.
    await fs.rm(this.outputDir, { recursive: true, force: true });
    await fs.mkdir(this.outputDir, { recursive: true });
  }

  async start(request: RenderRequest, client: string | undefined): Promise<RenderView> {
    const job = new RenderJob(request, client);
    this.jobs.add(job);
    this.queue.push(job, () => this.run(job));
    this.log.info('render queued', { render: job.id, client, queued: this.queue.pending });
    return job.view();
  }

  async get(id: string): Promise<RenderView> {
    return this.job(id).view();
  }

  async cancel(id: string): Promise<RenderView> {
    const job = this.job(id);
    if (!job.terminal) {
      this.queue.remove(job);
      job.cancel(this.config.outputTtlMs);
      this.log.info('render cancelled', { render: id });
    }
    return job.view();
  }

  async file(id: string): Promise<RenderFile> {
    const job = this.job(id);
    if (job.status !== 'done' || !job.output) throw new ServiceError('conflict', `render is ${job.status}; the file exists once it is done`);
    const { output } = job;
    const stat = await fs.stat(output.path).catch(() => null);
    if (!stat) throw new ServiceError('gone', 'the render file has expired');
    return {
      stream: createReadStream(output.path),
      size: stat.size,
      contentType: output.contentType,
      fileName: output.fileName,
      onFetched: () => {
        // Keep it a little longer so a retried download still works, then let the sweep delete it.
        job.fetched = true;
        const soon = new Date(Date.now() + this.config.fetchedGraceMs);
        if (!job.expiresAt || soon < job.expiresAt) job.expiresAt = soon;
      },
    };
  }

  stats(): Record<string, number> {
    return { queued: this.queue.pending, running: this.queue.running, slots: this.config.parallelRenders };
  }

  async close(): Promise<void> {
    for (const job of this.jobs.all()) if (!job.terminal) job.cancel(0);
    this.jobs.close();
  }

  private job(id: string): RenderJob {
    const job = this.jobs.get(id);
    if (job) return job;
    if (this.jobs.wasExpired(id)) throw new ServiceError('gone', 'this render has expired');
    throw new ServiceError('not_found', 'no such render');
  }

  private async run(job: RenderJob): Promise<void> {
    if (job.terminal) return;
    const { config } = this;
    job.begin();
    let release = () => {};
    const outputPath = path.join(this.outputDir, `${job.id}.${job.outputFormat.extension}`);
    try {
      const source = await projectSourceOf(job.request, { maxBytes: config.assetMaxBytes, timeoutMs: config.assetFetchTimeoutMs });
      const bundle = await this.bundler.bundle(source, (f) => job.onBundleProgress(f));
      release = bundle.release;
      job.bundled(bundle.cached, bundle.ms);
      job.cancelSignal.throwIfAborted();
      const renderStart = performance.now();
      const { frames } = await renderWithChromium({
        serveUrl: bundle.dir,
        request: job.request,
        outputPath,
        browserExecutable: config.browserExecutable,
        concurrency: config.concurrency,
        frameTimeoutMs: config.frameTimeoutMs,
        licenseKey: config.licenseKey,
        signal: job.cancelSignal,
        onComposition: (total) => job.onRenderProgress({ progress: 0, frames: total, renderedFrames: 0 }),
        onProgress: (p) => job.onRenderProgress(p),
      });
      const size = (await fs.stat(outputPath)).size;
      const renderMs = Math.round(performance.now() - renderStart);
      const fileName = `${safeName(job.request.composition)}-${job.id.slice(0, 8)}.${job.outputFormat.extension}`;
      job.succeed({ path: outputPath, size, contentType: job.outputFormat.contentType, fileName }, renderMs, config.outputTtlMs);
      if (job.status !== 'done') await fs.rm(outputPath, { force: true }); // cancelled at the last moment
      this.log.info('render done', { render: job.id, frames, bundleCached: bundle.cached, bundleMs: bundle.ms, renderMs, bytes: size });
    } catch (err) {
      await fs.rm(outputPath, { force: true });
      if (job.status === 'cancelled') return;
      const failure = failureOf(err, this.bundler.workspaceRoot);
      job.fail(failure, config.outputTtlMs);
      this.log.warn('render failed', { render: job.id, code: failure.code });
    } finally {
      release();
    }
  }
}

/** Any error as plain words for the app; server paths are not shown. */
function failureOf(err: unknown, workspaceRoot: string): RenderFailure {
  if (err instanceof BuildError) return err.failure;
  const raw = err instanceof Error ? err.message : String(err);
  const message = raw.split(workspaceRoot + '/').join('').split(workspaceRoot).join('.').slice(0, 2000);
  if (err instanceof AssetError || err instanceof UnsafePathError) return { code: 'asset_failed', message };
  if (err instanceof CompositionNotFoundError) return { code: 'composition_not_found', message };
  return { code: 'render_failed', message: `The render failed: ${message}` };
}

const safeName = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'render';
