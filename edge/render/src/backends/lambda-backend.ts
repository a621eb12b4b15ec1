import { Readable } from 'node:stream';
import type { ServiceConfig, LambdaConfig } from '../config.js';
import type { RenderRequest } from '../contract/render-request.js';
import type { RenderView } from '../contract/render-view.js';
import { BuildError, type ProjectBundler } from '../bundling/project-bundler.js';
import { JobStore } from '../jobs/job-store.js';
import { RenderJob } from '../jobs/render-job.js';
import { projectSourceOf } from '../project/project-source.js';
import type { Logger } from '../server/logger.js';
import { ServiceError } from '../server/service-error.js';
import type { RenderBackend, RenderFile } from './render-backend.js';

/** Polls of one render reach AWS at most this often; the app may poll faster. */
const PROGRESS_MIN_INTERVAL_MS = 1000;
/** Lifetime of the S3 link the service downloads the output through. */
const PRESIGN_SECONDS = 900;

type LambdaSdk = typeof import('@remotion/lambda');
type LambdaClientSdk = typeof import('@remotion/lambda-client');

interface LambdaRender {
  renderId?: string;
  bucketName?: string;
  outBucket?: string;
  outKey?: string;
  lastPoll: number;
  polling?: Promise<void>;
}

/**
 * Remotion Lambda: the project is bundled here (same cache as the local backend), uploaded once
 * per bundle hash as a site (deploySiteFromBundle), then rendered by renderMediaOnLambda and
 * followed with getRenderProgress. The AWS credentials come from the environment the Remotion
 * Lambda docs describe (REMOTION_AWS_ACCESS_KEY_ID / REMOTION_AWS_SECRET_ACCESS_KEY); they are
 * read by @remotion/lambda itself, never by our logs.
 */
export class LambdaBackend implements RenderBackend {
  readonly kind = 'lambda';
  private readonly jobs = new JobStore();
  private readonly lambda = new Map<string, LambdaRender>();
  private readonly sites = new Map<string, Promise<string>>();
  private bucket: Promise<string> | undefined;
  private sdk: Promise<[LambdaSdk, LambdaClientSdk]> | undefined;

  constructor(
    private readonly config: ServiceConfig & { lambda: LambdaConfig },
    private readonly bundler: ProjectBundler,
    private readonly log: Logger,
  ) {}

  async start(request: RenderRequest, client: string | undefined): Promise<RenderView> {
    const job = new RenderJob(request, client);
    this.jobs.add(job);
    this.lambda.set(job.id, { lastPoll: 0 });
    void this.launch(job);
    return job.view();
  }

  async get(id: string): Promise<RenderView> {
    const job = this.job(id);
    await this.poll(job);
    return job.view();
  }

  async cancel(id: string): Promise<RenderView> {
    const job = this.job(id);
    if (job.terminal) return job.view();
    const state = this.lambda.get(id)!;
    job.cancel(this.config.outputTtlMs);
    if (state.renderId && state.bucketName) {
      const [, client] = await this.loadSdk();
      await client
        .cancelRenderOnLambda({ region: this.region, bucketName: state.bucketName, renderId: state.renderId })
        .catch((err: Error) => this.log.warn('lambda cancel failed', { render: id, reason: err.name }));
    }
    return job.view();
  }

  async file(id: string): Promise<RenderFile> {
    const job = this.job(id);
    await this.poll(job);
    const state = this.lambda.get(id)!;
    if (job.status !== 'done' || !state.outBucket || !state.outKey) throw new ServiceError('conflict', `render is ${job.status}; the file exists once it is done`);
    const [, client] = await this.loadSdk();
    const url = await client.presignUrl({ region: this.region, bucketName: state.outBucket, objectKey: state.outKey, expiresInSeconds: PRESIGN_SECONDS, checkIfObjectExists: true });
    if (!url) throw new ServiceError('gone', 'the render file is no longer in S3');
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new ServiceError('upstream_error', `S3 answered HTTP ${response.status} for the render file`);
    const length = response.headers.get('content-length');
    return {
      stream: Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
      size: length ? Number(length) : undefined,
      contentType: job.outputFormat.contentType,
      fileName: `${job.request.composition}-${id.slice(0, 8)}.${job.outputFormat.extension}`,
      onFetched: () => {
        job.fetched = true;
      },
    };
  }

  stats(): Record<string, number> {
    return { tracked: this.jobs.all().filter((j) => !j.terminal).length };
  }

  async close(): Promise<void> {
    this.jobs.close();
  }

  private get region() {
    return this.config.lambda.region as Parameters<LambdaClientSdk['getRenderProgress']>[0]['region'];
  }

  private job(id: string): RenderJob {
    const job = this.jobs.get(id);
    if (job) return job;
    if (this.jobs.wasExpired(id)) throw new ServiceError('gone', 'this render has expired');
    throw new ServiceError('not_found', 'no such render');
  }

  /** The heavy AWS SDK is loaded only when this backend is used. */
  private loadSdk(): Promise<[LambdaSdk, LambdaClientSdk]> {
    this.sdk ??= Promise.all([import('@remotion/lambda'), import('@remotion/lambda-client')]);
    return this.sdk;
  }

  private bucketName(): Promise<string> {
    if (this.config.lambda.bucketName) return Promise.resolve(this.config.lambda.bucketName);
    this.bucket ??= this.loadSdk().then(([sdk]) => sdk.getOrCreateBucket({ region: this.region }).then((b) => b.bucketName));
    return this.bucket;
  }

  /** One S3 site per bundle hash; deploySiteFromBundle only uploads files that changed. */
  private site(hash: string, bundleDir: string): Promise<string> {
    let site = this.sites.get(hash);
    if (!site) {
      site = (async () => {
        const [sdk] = await this.loadSdk();
        const { serveUrl } = await sdk.deploySiteFromBundle({ bundleDir, bucketName: await this.bucketName(), region: this.region, siteName: `director-${hash.slice(0, 24)}` });
        return serveUrl;
      })();
      site.catch(() => this.sites.delete(hash));
      this.sites.set(hash, site);
    }
    return site;
  }

  private async launch(job: RenderJob): Promise<void> {
    const { config } = this;
    const state = this.lambda.get(job.id)!;
    job.begin();
    let release = () => {};
    try {
      const source = await projectSourceOf(job.request, { maxBytes: config.assetMaxBytes, timeoutMs: config.assetFetchTimeoutMs });
      const bundle = await this.bundler.bundle(source, (f) => job.onBundleProgress(f * 0.8));
      release = bundle.release;
      const serveUrl = await this.site(bundle.hash, bundle.dir);
      job.bundled(bundle.cached, bundle.ms);
      if (job.terminal) return;
      const [, client] = await this.loadSdk();
      const { request } = job;
      const started = await client.renderMediaOnLambda({
        region: this.region,
        functionName: config.lambda.functionName,
        serveUrl,
        composition: request.composition,
        inputProps: request.inputProps,
        codec: request.codec,
        forceWidth: request.width,
        forceHeight: request.height,
        forceFps: request.fps ?? null,
        frameRange: request.frameRange,
        framesPerLambda: config.lambda.framesPerLambda,
        privacy: 'private',
        downloadBehavior: { type: 'download', fileName: `${request.composition}.${job.outputFormat.extension}` },
        enableCancellation: true,
        licenseKey: config.licenseKey,
      });
      state.renderId = started.renderId;
      state.bucketName = started.bucketName;
      this.log.info('lambda render started', { render: job.id });
      if (job.status === 'cancelled') await this.cancel(job.id);
    } catch (err) {
      if (job.terminal) return;
      const failure = err instanceof BuildError ? err.failure : { code: 'render_failed', message: `Remotion Lambda: ${(err as Error).message}`.slice(0, 2000) };
      job.fail(failure, config.outputTtlMs);
    } finally {
      release();
    }
  }

  /** Refreshes the job from getRenderProgress, at most once a second per render. */
  private async poll(job: RenderJob): Promise<void> {
    const state = this.lambda.get(job.id);
    if (!state?.renderId || !state.bucketName || job.terminal) return;
    if (Date.now() - state.lastPoll < PROGRESS_MIN_INTERVAL_MS) return state.polling;
    state.lastPoll = Date.now();
    state.polling = (async () => {
      const [, client] = await this.loadSdk();
      const p = await client.getRenderProgress({ region: this.region, functionName: this.config.lambda.functionName, bucketName: state.bucketName!, renderId: state.renderId! });
      if (p.fatalErrorEncountered) {
        const first = p.errors[0];
        job.fail({ code: 'render_failed', message: `Remotion Lambda: ${first?.message ?? 'the render failed'}`.slice(0, 2000) }, this.config.outputTtlMs);
        return;
      }
      const meta = p.renderMetadata;
      const frames = meta && meta.type === 'video' ? meta.frameRange[1] - meta.frameRange[0] + 1 : undefined;
      job.onRenderProgress({ progress: p.overallProgress, renderedFrames: p.framesRendered, frames, encoding: p.encodingStatus !== null });
      if (p.done && p.outKey && p.outBucket) {
        state.outKey = p.outKey;
        state.outBucket = p.outBucket;
        const seconds = p.timeToFinish ?? 0;
        job.succeed({ path: p.outKey, size: p.outputSizeInBytes ?? 0, contentType: job.outputFormat.contentType, fileName: p.outKey.split('/').pop() ?? 'out' }, Math.round(seconds), this.config.outputTtlMs);
      }
    })().catch((err: Error) => this.log.warn('lambda progress failed', { render: job.id, reason: err.name }));
    return state.polling;
  }
}
