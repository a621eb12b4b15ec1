import { ok } from '../../../core/util/result';
import { fileStamp } from '../../../core/util/format';
import { RunnerError, runnerFailure, type NodeRunner, type RunContext } from '../../../core/graph/node-runner';
import { originOf } from '../../../core/graph/take-origin';
import { AbortedError, systemClock, type Clock } from '../../../core/graph/clock';
import { addAsset } from '../../../db/assets-repo';
import type { DirectorDb } from '../../../db/database';
import { edgeApi } from '../../edge/edge-api';
import { fromEdge } from './edge-failure';
import { blobToBase64 } from '../../../core/util/base64';
import { blobOf, imageData } from './asset-refs';
import { lastFrameOf } from './last-frame';
import { consistencyOf, type CharacterOutput } from './vision-runners';
import type { EdgeVideoProvider, VideoStartBody } from '../../../core/contracts/video-start';
import { videoStartBody, type VideoStartNode } from '../../../core/graph/video-start-body';

const charactersOf = (ctx: RunContext): CharacterOutput[] =>
  (Array.isArray(ctx.inputs.references) ? ctx.inputs.references : ctx.inputs.references ? [ctx.inputs.references] : []) as CharacterOutput[];

const POLL_MS = 1500;

const NODE_KIND = { veo: 'veo-video', extend: 'extend', runway: 'runway-video', sora: 'sora-video' } as const;
type StartMode = keyof typeof NODE_KIND;

/** The start body from the node's params and inputs (images read from the project here, mapped in core). */
async function startBody(db: DirectorDb, ctx: RunContext, mode: StartMode): Promise<VideoStartBody> {
  const node = { kind: NODE_KIND[mode], params: ctx.params } as VideoStartNode;
  const prompt = typeof ctx.inputs.prompt === 'string' && ctx.inputs.prompt.trim() ? ctx.inputs.prompt : '';
  if (mode === 'extend') {
    const video = await blobOf(db, ctx.inputs.video, 'Video input');
    ctx.progress(0.02, 'taking the last frame');
    const frame = await lastFrameOf(video.blob, video.name);
    return videoStartBody(node, prompt, { firstFrame: { mimeType: 'image/png', data: await blobToBase64(frame) } });
  }
  if (!prompt) throw new RunnerError('missing_input', 'Connect a Prompt with some text.', { retryable: false });
  const p = ctx.params as { mode?: string };
  // Reference images come from the Characters wired in: up to 3, one per character first.
  const referenceIds = p.mode === 'reference_images' ? charactersOf(ctx).flatMap((c) => c.referenceAssetIds).slice(0, 3) : [];
  return videoStartBody(node, prompt, {
    ...(ctx.inputs.image ? { firstFrame: await imageData(db, ctx.inputs.image, 'First frame') } : {}),
    ...(referenceIds.length ? { referenceImages: await Promise.all(referenceIds.map((id, i) => imageData(db, { assetId: id }, `Reference ${i + 1}`))) } : {}),
    ...(ctx.inputs.lastFrame ? { lastFrame: await imageData(db, ctx.inputs.lastFrame, 'Last frame') } : {}),
  });
}

/**
 * Starts a paid job under one Idempotency-Key. While the provider has not answered (202) it asks
 * again with the same key, so the edge returns the one job instead of starting a second.
 */
async function startJob(provider: EdgeVideoProvider, body: VideoStartBody, key: string, signal: AbortSignal, clock: Clock): Promise<{ jobId: string } | { uncertain: string }> {
  for (;;) {
    const api = await edgeApi();
    const response = await api.video[':provider'].jobs.$post({ param: { provider }, json: body }, { headers: { 'Idempotency-Key': key }, init: { signal } }).catch(fromEdge);
    const answer = await response.json();
    if ('job' in answer) return { jobId: answer.job.id };
    if (answer.pending.uncertain)
      return { uncertain: `The provider did not confirm this start in time, so it was not started again (it may still be generating and billed). Retry to start a new one.` };
    await clock.sleep((answer.pending.retryAfter || 5) * 1000, signal);
  }
}

/**
 * Veo, Extend and Runway nodes: start a video job through the edge (idempotent per attempt),
 * store the operation id at once, poll it, download the result into the project as soon as it
 * exists (providers delete results after two days). After a reload it polls the stored job.
 * Polls wait on `clock` and stop the moment the run is cancelled.
 */
export function makeVideoJobRunner(db: DirectorDb, projectId: string, provider: EdgeVideoProvider, mode: StartMode, label: string, clock: Clock = systemClock): NodeRunner {
  return {
    async run(ctx) {
      let jobId = ctx.resumeFrom?.operationId;
      try {
        if (!jobId) {
          const body = await startBody(db, ctx, mode);
          ctx.progress(0.05, 'starting');
          const started = await startJob(provider, body, `${ctx.cacheKey.slice(0, 96)}.${ctx.attempt}`, ctx.signal, clock);
          if ('uncertain' in started) return runnerFailure('start_unconfirmed', started.uncertain, { restart: true, retryable: false });
          jobId = started.jobId;
          await ctx.checkpoint({ operationId: jobId });
        }
        for (;;) {
          ctx.signal.throwIfAborted();
          const polled = await (await edgeApi()).video[':provider'].jobs[':id'].$get({ param: { provider, id: jobId } }, { init: { signal: ctx.signal } }).catch(fromEdge);
          const { job } = await polled.json();
          if (job.status === 'succeeded') break;
          if (job.status === 'failed' || job.status === 'cancelled') {
            const reasons = job.error?.reasons?.length ? ` (${job.error.reasons.join(', ')})` : '';
            // A failed paid generation is not retried on its own: the person decides (Retry).
            return runnerFailure(job.error?.code ?? 'generation_failed', `${job.error?.message ?? 'The provider could not make this video.'}${reasons}`, { restart: true, retryable: false });
          }
          ctx.progress(Math.max(0.1, Math.min(0.9, job.progress ?? 0.3)), 'generating');
          await clock.sleep(POLL_MS, ctx.signal);
        }
        ctx.progress(0.95, 'downloading');
        const result = await (await edgeApi()).video[':provider'].jobs[':id'].result.$get({ param: { provider, id: jobId } }, { init: { signal: ctx.signal } }).catch(fromEdge);
        const origin = originOf(provider, result.headers);
        const file = await result.blob();
        const stamp = fileStamp();
        const asset = await addAsset(db, projectId, `generated/${label}-${stamp}.mp4`, new Blob([file], { type: 'video/mp4' }));
        // With a character wired in: how well it kept its identity across the shot (drift shows here).
        const character = charactersOf(ctx)[0];
        if (character) {
          ctx.progress(0.97, 'checking the character');
          const report = await consistencyOf(asset.blob, asset.name, character).catch(() => null);
          if (report) return ok({ video: { assetId: asset.id }, origin, consistency: { character: report.character, score: report.score, meanSimilarity: report.meanSimilarity, minSimilarity: report.minSimilarity, framesWithFace: report.framesWithFace } });
        }
        return ok({ video: { assetId: asset.id }, origin });
      } catch (e) {
        if (e instanceof RunnerError) throw e;
        if ((e as Error).name === 'AbortError' || e instanceof AbortedError) throw new RunnerError('cancelled', 'Cancelled.', { retryable: false });
        throw e;
      }
    },
  };
}
