import { randomBytes } from 'node:crypto';
import { CODEC_OUTPUT, type RenderRequest } from '../contract/render-request.js';
import type { RenderFailure, RenderStage, RenderStatus, RenderView } from '../contract/render-view.js';

/** Bundling counts for this share of the whole job's progress. */
const BUNDLE_SHARE = 0.1;

export interface RenderOutput {
  path: string;
  size: number;
  contentType: string;
  fileName: string;
}

/** One render's state, from queued to a terminal status. Backends move it forward. */
export class RenderJob {
  readonly id = randomBytes(16).toString('base64url');
  readonly createdAt = new Date();
  status: RenderStatus = 'queued';
  stage: RenderStage = 'queued';
  startedAt?: Date;
  finishedAt?: Date;
  frames?: number;
  renderedFrames?: number;
  bundleCached?: boolean;
  bundleMs?: number;
  renderMs?: number;
  error?: RenderFailure;
  output?: RenderOutput;
  /** When the output (or, without one, the record) is dropped. */
  expiresAt?: Date;
  /** Set once the output was downloaded in full. */
  fetched = false;
  private bundleProgress = 0;
  private renderProgress = 0;
  private readonly abort = new AbortController();

  constructor(
    readonly request: RenderRequest,
    readonly client: string | undefined,
  ) {}

  get cancelSignal(): AbortSignal {
    return this.abort.signal;
  }

  get terminal(): boolean {
    return this.status === 'done' || this.status === 'failed' || this.status === 'cancelled';
  }

  get outputFormat() {
    return CODEC_OUTPUT[this.request.codec];
  }

  begin(): void {
    this.status = 'rendering';
    this.stage = 'bundling';
    this.startedAt = new Date();
  }

  onBundleProgress(fraction: number): void {
    this.bundleProgress = clamp01(fraction);
  }

  bundled(cached: boolean, ms: number): void {
    this.bundleCached = cached;
    this.bundleMs = ms;
    this.bundleProgress = 1;
    this.stage = 'rendering';
  }

  onRenderProgress(p: { progress: number; renderedFrames?: number; frames?: number; encoding?: boolean }): void {
    if (this.terminal) return;
    this.renderProgress = clamp01(p.progress);
    if (p.frames !== undefined) this.frames = p.frames;
    if (p.renderedFrames !== undefined) this.renderedFrames = p.renderedFrames;
    this.stage = p.encoding ? 'encoding' : 'rendering';
  }

  succeed(output: RenderOutput, renderMs: number, ttlMs: number): void {
    if (this.terminal) return;
    this.status = 'done';
    this.stage = 'done';
    this.output = output;
    this.renderMs = renderMs;
    this.renderProgress = 1;
    this.bundleProgress = 1;
    this.finish(ttlMs);
  }

  fail(error: RenderFailure, ttlMs: number): void {
    if (this.terminal) return;
    this.status = 'failed';
    this.stage = 'failed';
    this.error = error;
    this.finish(ttlMs);
  }

  /** Marks the job cancelled and tells the running work to stop. */
  cancel(ttlMs: number): void {
    if (this.terminal) return;
    this.status = 'cancelled';
    this.stage = 'cancelled';
    this.finish(ttlMs);
    this.abort.abort();
  }

  get progress(): number {
    if (this.status === 'done') return 1;
    const value = this.stage === 'queued' ? 0 : BUNDLE_SHARE * this.bundleProgress + (1 - BUNDLE_SHARE) * this.renderProgress;
    return Math.round(value * 1000) / 1000;
  }

  view(): RenderView {
    const { request } = this;
    const view: RenderView = {
      id: this.id,
      status: this.status,
      stage: this.stage,
      progress: this.progress,
      composition: request.composition,
      codec: request.codec,
      width: request.width,
      height: request.height,
      createdAt: this.createdAt.toISOString(),
    };
    if (this.startedAt) view.startedAt = this.startedAt.toISOString();
    if (this.finishedAt) view.finishedAt = this.finishedAt.toISOString();
    if (this.frames !== undefined) view.frames = this.frames;
    if (this.renderedFrames !== undefined) view.renderedFrames = this.renderedFrames;
    if (this.bundleCached !== undefined) view.bundleCached = this.bundleCached;
    if (this.bundleMs !== undefined || this.renderMs !== undefined) view.timings = { bundleMs: this.bundleMs, renderMs: this.renderMs };
    if (this.error) view.error = this.error;
    if (this.output && this.expiresAt) {
      view.output = { contentType: this.output.contentType, size: this.output.size, fileName: this.output.fileName, expiresAt: this.expiresAt.toISOString() };
    }
    return view;
  }

  private finish(ttlMs: number): void {
    this.finishedAt = new Date();
    this.expiresAt = new Date(Date.now() + ttlMs);
  }
}

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);
