import { describe, expect, it } from 'vitest';
import { costSummary, generationHistory } from '../../../src/core/graph/generation-history';
import type { JobRecord } from '../../../src/core/graph/job-store';
import type { Take } from '../../../src/core/graph/take-store';

const job = (id: string, kind: string, state: JobRecord['state'], at: number, extra: Partial<JobRecord> = {}): JobRecord =>
  ({ id, projectId: 'p', nodeId: `n-${id}`, kind, provider: kind === 'runway-video' ? 'runway' : kind === 'prompt' ? 'local' : 'veo', cacheKey: `k-${id}`, state, progress: 0, attempts: 1, priority: 0, createdAt: at, updatedAt: at + 30_000, ...extra }) as JobRecord;
const take = (id: string, params: Record<string, unknown>, local = false): Take =>
  ({ id, projectId: 'p', nodeId: 'n', kind: 'veo-video', kindVersion: 1, cacheKey: 'k', params, outputs: { video: { assetId: 'a' }, ...(local ? { origin: { provider: 'veo', local: true } } : {}) }, jobId: 'j', createdAt: 0 }) as Take;

describe('generation history', () => {
  it('lists paid generations newest first with times, errors and list-price cost; failed and local ones cost nothing', () => {
    const jobs = [
      job('1', 'veo-video', 'done', 1000, { takeId: 't1' }),
      job('2', 'prompt', 'done', 2000),
      job('3', 'veo-video', 'error', 3000, { error: { code: 'safety_filtered', message: 'filtered' } }),
      job('4', 'runway-video', 'done', 4000, { takeId: 't4' }),
      job('5', 'veo-video', 'done', 5000, { takeId: 't5' }),
      job('6', 'veo-video', 'running', 6000),
    ];
    const takes = new Map([
      ['t1', take('t1', { model: 'veo-3.1-generate-preview', durationSeconds: 8 })],
      ['t4', take('t4', { model: 'gen4_turbo', durationSeconds: 10 })],
      ['t5', take('t5', { model: 'veo-3.1-fast-generate-preview', durationSeconds: 4 }, true)],
    ]);
    const history = generationHistory(jobs, takes);
    expect(history.map((r) => [r.jobId, r.state, r.costUsd])).toEqual([['6', 'running', 0], ['5', 'done', 0], ['4', 'done', 0.5], ['3', 'error', 0], ['1', 'done', 3.2]]);
    expect(history.find((r) => r.jobId === '3')).toMatchObject({ error: 'filtered', finishedAt: 33_000 });
    expect(history.find((r) => r.jobId === '5')!.local).toBe(true);
    const summary = costSummary(history);
    expect(summary).toMatchObject({ usd: 3.7, generations: 3, seconds: 22 });
    expect(summary.byModel.find((m) => m.model === 'gen4_turbo')).toEqual({ model: 'gen4_turbo', label: 'Runway Gen-4 Turbo', generations: 1, usd: 0.5 });
  });
});
