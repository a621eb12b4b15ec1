import { describe, expect, it } from 'vitest';
import { makeMemoryCacheStore } from '../../../src/core/graph/cache-store';
import { makeExecutor, type ExecutorOptions } from '../../../src/core/graph/executor';
import { updateParams } from '../../../src/core/graph/graph-edits';
import { runnerFailure, RunnerError } from '../../../src/core/graph/node-runner';
import type { NodeEvent } from '../../../src/core/graph/run-types';
import { makeMemoryTakeStore } from '../../../src/core/graph/take-store';
import { ok } from '../../../src/core/util/result';
import { abortion, deferred, graphOf, makeFakeRunners, makeRecordingJobStore, makeTestClock, mergeGraphs, sequentialIds, shotGraph, until } from './helpers';

function setup(overrides: Partial<ExecutorOptions> = {}) {
  const fakes = makeFakeRunners();
  const cache = makeMemoryCacheStore();
  const jobs = makeRecordingJobStore();
  const takes = makeMemoryTakeStore();
  const clock = makeTestClock();
  const events: NodeEvent[] = [];
  const options: ExecutorOptions = {
    runners: fakes.runners,
    cache,
    jobs,
    takes,
    clock,
    newId: sequentialIds('job'),
    projectId: 'p1',
    onEvent: (e) => events.push(e),
    ...overrides,
  };
  return { fakes, cache, jobs, takes, clock, events, options, executor: makeExecutor(options) };
}

const unwrap = <T>(result: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe('executor: pull and cache', () => {
  it('runs only what a partial target needs, then only what is missing', async () => {
    const { executor, fakes } = setup();
    const graph = mergeGraphs(shotGraph('1'), shotGraph('2'));

    const first = unwrap(await executor.run(graph, ['veo-1']));
    expect(first.ok).toBe(true);
    expect([...fakes.calls.keys()].sort()).toEqual(['prompt-1', 'veo-1']);
    expect(first.outcomes['veo-1']).toMatchObject({ state: 'done', cached: false });
    const veo = first.outcomes['veo-1'];
    expect(veo?.state === 'done' && String(veo.outputs.video)).toContain('a warrior on a ridge');

    const second = unwrap(await executor.run(graph, ['extend-1']));
    expect([...fakes.calls.entries()]).toEqual([
      ['prompt-1', 1],
      ['veo-1', 1],
      ['extend-1', 1],
    ]);
    expect(second.outcomes['veo-1']).toMatchObject({ state: 'done', cached: true });
    // The pull stopped at veo-1: prompt-1 was not even consulted.
    expect(second.outcomes['prompt-1']).toBeUndefined();
  });

  it('answers from the persisted cache after a reload (new executor, same stores)', async () => {
    const first = setup();
    const graph = mergeGraphs(shotGraph('1'), shotGraph('2'));
    unwrap(await first.executor.run(graph));
    expect(first.fakes.total()).toBe(6);

    const reloadedFakes = makeFakeRunners();
    const reloaded = makeExecutor({ ...first.options, runners: reloadedFakes.runners });
    const copy = structuredClone(graph); // as read back from storage: new objects, same data
    const again = unwrap(await reloaded.run(copy));
    expect(again.ok).toBe(true);
    expect(reloadedFakes.total()).toBe(0);
    expect(Object.values(again.outcomes).every((o) => o.state === 'done' && o.cached)).toBe(true);

    // Editing veo-1 re-runs veo-1 and extend-1 only.
    const edited = unwrap(updateParams(copy, 'veo-1', { aspectRatio: '9:16' }));
    unwrap(await reloaded.run(edited));
    expect([...reloadedFakes.calls.keys()].sort()).toEqual(['extend-1', 'veo-1']);
  });

  it('hands inputs to runners by port, multiple inputs as arrays in edge order', async () => {
    const { executor, fakes } = setup();
    const graph = graphOf(
      [
        ['p', 'prompt', { text: 'hero walks' }],
        ['img', 'image', { assetId: 'asset-1' }],
        ['c1', 'character', { name: 'A' }],
        ['c2', 'character', { name: 'B' }],
        ['veo', 'veo-video', { mode: 'reference_images' }],
      ],
      ['img.image->c1.photos', 'img.image->c2.photos', 'p.text->veo.prompt', 'c2.character->veo.references', 'c1.character->veo.references'],
    );
    unwrap(await executor.run(graph, ['veo']));
    const ctx = fakes.contexts.find((c) => c.nodeId === 'veo')!;
    expect(ctx.inputs.prompt).toBe('hero walks');
    expect((ctx.inputs.references as string[]).map((r) => r.slice(0, 13))).toEqual(['character(c2#', 'character(c1#']);
    expect(ctx.params).toMatchObject({ mode: 'reference_images', durationSeconds: 8 });
  });

  it('fails a node whose required inputs or mode inputs are missing, without calling its runner', async () => {
    const { executor, fakes } = setup();
    const graph = graphOf([['x', 'extend'], ['v', 'veo-video', { mode: 'image_to_video' }]]);
    const report = unwrap(await executor.run(graph));
    expect(report.outcomes.x).toMatchObject({ state: 'error', code: 'missing_input', message: 'Extend needs its Video input connected' });
    expect(report.outcomes.v).toMatchObject({ state: 'error', code: 'not_runnable', message: 'Veo video: image→video needs a first frame image' });
    expect(fakes.total()).toBe(0);
  });
});

describe('executor: scheduling', () => {
  it('runs independent branches in parallel', async () => {
    const { executor, fakes } = setup({ limits: { veo: 2, local: 2 } });
    const both = deferred();
    let waiting = 0;
    for (const id of ['veo-1', 'veo-2'])
      fakes.behaviours.set(id, async () => {
        if (++waiting === 2) both.resolve(); // only reachable if both run at once
        await both.promise;
        return ok({ video: id });
      });
    const report = unwrap(await executor.run(mergeGraphs(shotGraph('1'), shotGraph('2')), ['veo-1', 'veo-2']));
    expect(report.ok).toBe(true);
    expect(fakes.maxInFlight.get('veo')).toBe(2);
  });

  it('respects per-provider concurrency limits', async () => {
    const fakes = makeFakeRunners({ delayMs: 2 });
    const { executor } = setup({ runners: fakes.runners, limits: { veo: 2, local: 1 } });
    const graph = mergeGraphs(...[1, 2, 3, 4, 5, 6].map((n) => shotGraph(String(n), `shot ${n}`)));
    const report = unwrap(await executor.run(graph));
    expect(report.ok).toBe(true);
    expect(fakes.total()).toBe(18);
    expect(fakes.maxInFlight.get('veo')).toBe(2);
    expect(fakes.maxInFlight.get('local')).toBe(1);
  });

  it('"run first" moves a waiting job ahead of the others', async () => {
    const { executor, fakes } = setup({ limits: { veo: 1, local: 4 } });
    const gate = deferred();
    fakes.behaviours.set('veo-1', async () => {
      await gate.promise;
      return ok({ video: 'one' });
    });
    const graph = mergeGraphs(shotGraph('1'), shotGraph('2'), shotGraph('3'));
    const running = executor.run(graph, ['veo-1', 'veo-2', 'veo-3']);
    await until(() => fakes.calls.has('veo-1'), 'veo-1 to start');
    await until(() => executor.activeJobs().filter((j) => j.state === 'queued').length === 2, 'two queued');
    expect(executor.runFirst('veo-3')).toBe(true);
    gate.resolve();
    unwrap(await running);
    expect(fakes.startOrder.filter((id) => id.startsWith('veo'))).toEqual(['veo-1', 'veo-3', 'veo-2']);
  });

  it('two runs wanting the same output share one job', async () => {
    const { executor, fakes } = setup();
    const graph = shotGraph('1');
    const [a, b] = await Promise.all([executor.run(graph, ['veo-1']), executor.run(graph, ['extend-1'])]);
    expect(unwrap(a).ok && unwrap(b).ok).toBe(true);
    expect(fakes.calls.get('veo-1')).toBe(1);
  });
});

describe('executor: failures, retries, cancel', () => {
  it('retries 429/5xx with backoff, honouring retryAfterMs, and persists each state', async () => {
    const { executor, fakes, clock, jobs } = setup({ retry: { baseDelayMs: 1000, factor: 2 } });
    fakes.behaviours.set('veo-1', async (_ctx, call) => {
      if (call === 1) return runnerFailure('rate_limited', 'Veo quota: 429', { status: 429, retryAfterMs: 7000 });
      if (call === 2) throw new RunnerError('provider_unavailable', 'Veo: 503', { status: 503 });
      return ok({ video: 'third time' });
    });
    const report = unwrap(await executor.run(shotGraph('1'), ['veo-1']));
    expect(report.outcomes['veo-1']).toMatchObject({ state: 'done', outputs: { video: 'third time' } });
    expect(clock.sleeps).toEqual([7000, 2000]);
    const states = jobs.history.filter((j) => j.nodeId === 'veo-1').map((j) => `${j.state}:${j.attempts}`);
    expect(states).toEqual(['queued:0', 'running:1', 'queued:1', 'running:2', 'queued:2', 'running:3', 'done:3']);
    const backoff = jobs.history.find((j) => j.nodeId === 'veo-1' && j.state === 'queued' && j.attempts === 1)!;
    expect(backoff.retryAt).toBe(1_000_000 + 7000);
    expect(backoff.error).toEqual({ code: 'rate_limited', message: 'Veo quota: 429' });
  });

  it('does not retry a non-transient failure and gives up after maxAttempts', async () => {
    const { executor, fakes, clock } = setup({ retry: { maxAttempts: 3 } });
    fakes.behaviours.set('veo-1', async () => runnerFailure('content_blocked', 'Prompt was blocked', { status: 400 }));
    fakes.behaviours.set('veo-2', async () => runnerFailure('provider_unavailable', 'Veo: 500', { status: 500 }));
    const report = unwrap(await executor.run(mergeGraphs(shotGraph('1'), shotGraph('2')), ['veo-1', 'veo-2']));
    expect(report.outcomes['veo-1']).toMatchObject({ state: 'error', code: 'content_blocked', attempts: 1 });
    expect(report.outcomes['veo-2']).toMatchObject({ state: 'error', code: 'provider_unavailable', attempts: 3, message: 'Veo: 500 (after 3 attempts)' });
    expect(fakes.calls.get('veo-1')).toBe(1);
    expect(fakes.calls.get('veo-2')).toBe(3);
    expect(clock.sleeps).toEqual([1000, 2000]);
  });

  it('a failed node stops its downstream, which says which upstream failed', async () => {
    const { executor, fakes, jobs } = setup();
    fakes.behaviours.set('veo-1', async () => runnerFailure('content_blocked', 'Prompt was blocked'));
    const graph = mergeGraphs(
      shotGraph('1'),
      shotGraph('2'),
      graphOf([['montage', 'composition', { props: [{ name: 'clip', type: 'video' }] }]], ['extend-1.video->montage.clip']),
    );
    const report = unwrap(await executor.run(graph));
    expect(report.ok).toBe(false);
    expect(report.outcomes['extend-1']).toEqual({ state: 'blocked', blockedBy: 'veo-1', message: 'Stopped: Veo video (veo-1) failed: Prompt was blocked' });
    expect(report.outcomes.montage).toMatchObject({ state: 'blocked', blockedBy: 'veo-1', message: 'Stopped: Veo video (veo-1) failed: Prompt was blocked' });
    expect(report.outcomes['extend-2']).toMatchObject({ state: 'done' });
    expect(fakes.calls.has('extend-1')).toBe(false);
    const stored = (await jobs.listByNode('p1', 'extend-1'))[0]!;
    expect(stored).toMatchObject({ state: 'cancelled', blockedBy: 'veo-1', error: { code: 'upstream_failed' } });
  });

  it('cancel aborts the runner (the signal reaches it) and blocks downstream', async () => {
    const { executor, fakes, jobs } = setup();
    let sawAbort = false;
    fakes.behaviours.set('veo-1', async (ctx) => {
      await ctx.checkpoint({ operationId: 'op-cancel' });
      await abortion(ctx.signal).catch((e) => {
        sawAbort = ctx.signal.aborted;
        throw e;
      });
      return ok({});
    });
    const running = executor.run(shotGraph('1'));
    await until(async () => (await jobs.listByNode('p1', 'veo-1'))[0]?.operationId === 'op-cancel', 'checkpoint');
    expect(executor.cancel('veo-1')).toBe(true);
    const report = unwrap(await running);
    expect(sawAbort).toBe(true);
    expect(report.outcomes['veo-1']).toMatchObject({ state: 'cancelled' });
    expect(report.outcomes['extend-1']).toMatchObject({ state: 'blocked', blockedBy: 'veo-1', message: 'Stopped: Veo video (veo-1) was cancelled' });
    expect((await jobs.listByNode('p1', 'veo-1'))[0]!.state).toBe('cancelled');
    expect(fakes.calls.get('veo-1')).toBe(1);
  });

  it('cancelling a queued job stops it before it starts; a run signal cancels the run', async () => {
    const { executor, fakes } = setup({ limits: { veo: 1 } });
    const gate = deferred();
    fakes.behaviours.set('veo-1', async () => {
      await gate.promise;
      return ok({ video: 'v1' });
    });
    const graph = mergeGraphs(shotGraph('1'), shotGraph('2'));
    const controller = new AbortController();
    const running = executor.run(graph, ['veo-1', 'veo-2'], { signal: controller.signal });
    await until(() => fakes.calls.has('veo-1') && executor.activeJobs().some((j) => j.nodeId === 'veo-2' && j.state === 'queued'), 'veo-2 queued');
    expect(executor.cancel('veo-2')).toBe(true);
    await until(() => !executor.activeJobs().some((j) => j.nodeId === 'veo-2'), 'veo-2 gone');
    controller.abort();
    gate.resolve();
    const report = unwrap(await running);
    expect(report.outcomes['veo-2']).toMatchObject({ state: 'cancelled' });
    expect(fakes.calls.has('veo-2')).toBe(false);
    expect(executor.cancel('nothing-here')).toBe(false);
  });

  it('retry re-runs a failed job', async () => {
    const { executor, fakes, jobs } = setup();
    let broken = true;
    fakes.behaviours.set('veo-1', async () => (broken ? runnerFailure('content_blocked', 'no') : ok({ video: 'fixed' })));
    const graph = shotGraph('1');
    unwrap(await executor.run(graph));
    const failed = (await jobs.listByNode('p1', 'veo-1'))[0]!;
    expect(failed.state).toBe('error');
    broken = false;
    const report = unwrap(await executor.retry(graph, failed.id));
    expect(report.outcomes['veo-1']).toMatchObject({ state: 'done', outputs: { video: 'fixed' } });
  });
});

describe('executor: resume after reload', () => {
  it('resumes a running job from its operation id without starting a second generation', async () => {
    const cache = makeMemoryCacheStore();
    const jobs = makeRecordingJobStore();
    let starts = 0;
    let resumes = 0;
    const veoLike = (pollForever: boolean) => async (ctx: { resumeFrom?: { operationId: string }; checkpoint(s: { operationId: string }): Promise<void>; progress(f: number): void }) => {
      let operationId = ctx.resumeFrom?.operationId;
      if (!operationId) {
        starts++;
        operationId = `operations/veo-${starts}`;
        await ctx.checkpoint({ operationId });
      } else resumes++;
      ctx.progress(0.5);
      if (pollForever) await new Promise(() => {}); // the tab is closed while polling
      return ok({ video: `video of ${operationId}` });
    };

    const before = setup({ cache, jobs });
    before.fakes.behaviours.set('veo-1', veoLike(true));
    const graph = shotGraph('1');
    void before.executor.run(graph);
    await until(async () => (await jobs.listUnfinished('p1')).some((j) => j.operationId === 'operations/veo-1' && j.progress === 0.5), 'checkpoint');

    // Reload: a new executor over the same persisted stores.
    const after = setup({ cache, jobs, newId: sequentialIds('after') });
    after.fakes.behaviours.set('veo-1', veoLike(false));
    const report = unwrap(await after.executor.resume(structuredClone(graph)));
    expect(starts).toBe(1);
    expect(resumes).toBe(1);
    expect(report.outcomes['veo-1']).toMatchObject({ state: 'done', outputs: { video: 'video of operations/veo-1' } });
    const veoJobs = await jobs.listByNode('p1', 'veo-1');
    expect(veoJobs).toHaveLength(1); // the same job finished, not a new one
    expect(veoJobs[0]).toMatchObject({ state: 'done', attempts: 1, operationId: 'operations/veo-1' });

    // And the result is now cached: extend runs, veo does not run again.
    const full = unwrap(await after.executor.run(graph));
    expect(full.outcomes['extend-1']).toMatchObject({ state: 'done' });
    expect(starts + resumes).toBe(2);
  });

  it('paused across a reload: the job that was running finishes, a new one waits until resumed', async () => {
    const cache = makeMemoryCacheStore();
    const jobs = makeRecordingJobStore();
    const before = setup({ cache, jobs });
    before.fakes.behaviours.set('veo-1', async (ctx) => {
      await ctx.checkpoint({ operationId: 'operations/veo-1' });
      return new Promise(() => {}); // the tab is closed while polling
    });
    const graph = shotGraph('1');
    void before.executor.run(graph, ['veo-1']);
    await until(async () => (await jobs.listUnfinished('p1')).some((j) => j.operationId === 'operations/veo-1'), 'checkpoint');

    const after = setup({ cache, jobs, newId: sequentialIds('after') });
    after.executor.setPaused(true);
    after.fakes.behaviours.set('veo-1', async () => ok({ video: 'v1' }));
    const extended: string[] = [];
    after.fakes.behaviours.set('extend-1', async () => (extended.push('extend-1'), ok({ video: 'v1+' })));
    const resumed = unwrap(await after.executor.resume(structuredClone(graph)));
    expect(resumed.outcomes['veo-1']).toMatchObject({ state: 'done' });
    // The extend is new work: it waits in the queue while paused.
    const run = after.executor.run(structuredClone(graph));
    await until(async () => (await jobs.listUnfinished('p1')).some((j) => j.nodeId === 'extend-1' && j.state === 'queued'), 'queued extend');
    expect(extended).toEqual([]);
    after.executor.setPaused(false);
    expect(unwrap(await run).outcomes['extend-1']).toMatchObject({ state: 'done' });
    expect(extended).toEqual(['extend-1']);
  });

  it('a reload after the start was sent but before its operation id was stored starts again as the same attempt (same idempotency key)', async () => {
    const cache = makeMemoryCacheStore();
    const jobs = makeRecordingJobStore();
    const attempts: number[] = [];
    const before = setup({ cache, jobs });
    // The start is in flight when the tab goes: no checkpoint yet.
    before.fakes.behaviours.set('veo-1', async (ctx) => {
      attempts.push(ctx.attempt);
      return new Promise(() => {});
    });
    const graph = shotGraph('1');
    void before.executor.run(graph, ['veo-1']);
    await until(async () => (await jobs.listUnfinished('p1')).some((j) => j.state === 'running' && j.attempts === 1), 'running');

    const after = setup({ cache, jobs, newId: sequentialIds('after') });
    after.fakes.behaviours.set('veo-1', async (ctx) => {
      attempts.push(ctx.attempt);
      return ok({ video: 'v' });
    });
    unwrap(await after.executor.resume(structuredClone(graph)));
    // The runner keys its paid start by attempt: the same attempt asks the edge for the same job.
    expect(attempts).toEqual([1, 1]);
    expect(await jobs.listByNode('p1', 'veo-1')).toHaveLength(1);
  });

  it('a retry after a transient polling failure keeps polling the same operation', async () => {
    const { executor, fakes } = setup();
    const seen: (string | undefined)[] = [];
    fakes.behaviours.set('veo-1', async (ctx, call) => {
      seen.push(ctx.resumeFrom?.operationId);
      if (call === 1) {
        await ctx.checkpoint({ operationId: 'op-1' });
        return runnerFailure('network_error', 'poll failed');
      }
      return ok({ video: 'v' });
    });
    unwrap(await executor.run(shotGraph('1'), ['veo-1']));
    expect(seen).toEqual([undefined, 'op-1']);
  });

  it('does not resume a job whose node changed since; it is marked superseded', async () => {
    const cache = makeMemoryCacheStore();
    const jobs = makeRecordingJobStore();
    const before = setup({ cache, jobs });
    before.fakes.behaviours.set('veo-1', async (ctx) => {
      await ctx.checkpoint({ operationId: 'op-old' });
      return new Promise(() => {});
    });
    const graph = shotGraph('1');
    void before.executor.run(graph, ['veo-1']);
    await until(async () => (await jobs.listUnfinished('p1')).some((j) => j.operationId === 'op-old'), 'checkpoint');

    const after = setup({ cache, jobs, newId: sequentialIds('after') });
    const edited = unwrap(updateParams(graph, 'veo-1', { negativePrompt: 'blurry' }));
    await after.executor.resume(edited);
    expect(after.fakes.total()).toBe(0);
    const old = (await jobs.listByNode('p1', 'veo-1'))[0]!;
    expect(old).toMatchObject({ state: 'cancelled', error: { code: 'superseded' } });
  });
});

describe('executor: events', () => {
  it('reports queued, running, progress and done per node, and cache hits', async () => {
    const { executor, events, fakes } = setup();
    fakes.behaviours.set('veo-1', async (ctx) => {
      ctx.progress(0.25, 'polling');
      ctx.progress(0.251, 'polling'); // below 1 %: not persisted again
      return ok({ video: 'v' });
    });
    const graph = shotGraph('1');
    unwrap(await executor.run(graph, ['veo-1']));
    const veo = events.filter((e) => e.nodeId === 'veo-1').map((e) => (e.progress !== undefined ? `${e.state}@${e.progress}` : e.state));
    expect(veo).toEqual(['queued', 'running@0', 'running@0.25', 'done@1']);
    unwrap(await executor.run(graph, ['veo-1']));
    expect(events.at(-1)).toEqual({ nodeId: 'veo-1', state: 'cached' });
  });
});
