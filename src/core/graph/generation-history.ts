import { modelLabelOf, priceOf } from '../pricing/model-presets';
import type { JobRecord, JobState } from './job-store';
import { takeOrigin } from './take-origin';
import type { Take } from './take-store';

/** Node kinds whose jobs are paid generations (what the history and the cost summary list). */
export const GENERATION_KINDS = ['veo-video', 'runway-video', 'sora-video', 'extend', 'comfyui'] as const;

export interface GenerationRecord {
  jobId: string;
  nodeId: string;
  kind: string;
  provider: string;
  model: string;
  state: JobState;
  queuedAt: number;
  finishedAt?: number;
  error?: string;
  takeId?: string;
  /** Seconds of video made (from the take's params), for a finished generation. */
  seconds?: number;
  /** Estimated spend at list prices; 0 for a local demo take, undefined when unknown. */
  costUsd?: number;
  local: boolean;
}

const FINISHED: readonly JobState[] = ['done', 'error', 'cancelled'];
/** Extend makes about 7 s per call (Veo's extension length). */
const EXTEND_SECONDS = 7;

/**
 * The project's generations, newest first: every paid job with its times, result and what it
 * cost at list prices (a finished take's model and length; failed ones cost nothing).
 */
export function generationHistory(jobs: readonly JobRecord[], takes: ReadonlyMap<string, Take>): GenerationRecord[] {
  return jobs
    .filter((j) => (GENERATION_KINDS as readonly string[]).includes(j.kind))
    .map((job): GenerationRecord => {
      const take = job.takeId ? takes.get(job.takeId) : undefined;
      const params = take?.params ?? {};
      const model = typeof params.model === 'string' ? params.model : job.kind === 'runway-video' ? 'gen4_turbo' : 'veo-3.1-generate-preview';
      const seconds = take ? (job.kind === 'extend' ? EXTEND_SECONDS : Number(params.durationSeconds) || undefined) : undefined;
      const local = take ? takeOrigin(take.outputs)?.local === true : false;
      const costUsd = job.state !== 'done' || seconds === undefined ? (job.state === 'done' ? undefined : 0) : local ? 0 : priceOf(model, seconds, typeof params.resolution === 'string' ? params.resolution : undefined);
      return {
        jobId: job.id,
        nodeId: job.nodeId,
        kind: job.kind,
        provider: job.provider,
        model,
        state: job.state,
        queuedAt: job.createdAt,
        ...(FINISHED.includes(job.state) ? { finishedAt: job.updatedAt } : {}),
        ...(job.error ? { error: job.error.message } : {}),
        ...(job.takeId ? { takeId: job.takeId } : {}),
        ...(seconds !== undefined ? { seconds } : {}),
        ...(costUsd !== undefined ? { costUsd } : {}),
        local,
      };
    })
    .sort((a, b) => b.queuedAt - a.queuedAt);
}

export interface CostSummary {
  usd: number;
  generations: number;
  seconds: number;
  byModel: { model: string; label: string; generations: number; usd: number }[];
}

export function costSummary(records: readonly GenerationRecord[]): CostSummary {
  const done = records.filter((r) => r.state === 'done');
  const byModel = new Map<string, { generations: number; usd: number }>();
  for (const r of done) {
    const m = byModel.get(r.model) ?? { generations: 0, usd: 0 };
    m.generations++;
    m.usd += r.costUsd ?? 0;
    byModel.set(r.model, m);
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    usd: round(done.reduce((n, r) => n + (r.costUsd ?? 0), 0)),
    generations: done.length,
    seconds: done.reduce((n, r) => n + (r.seconds ?? 0), 0),
    byModel: [...byModel].map(([model, m]) => ({ model, label: modelLabelOf(model), generations: m.generations, usd: round(m.usd) })),
  };
}
