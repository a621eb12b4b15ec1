import { describe, expect, it } from 'vitest';
import { makeMemoryCacheStore } from '../../../src/core/graph/cache-store';
import { makeExecutor } from '../../../src/core/graph/executor';
import { makeMemoryJobStore } from '../../../src/core/graph/job-store';
import { planAndCheck } from '../../../src/core/graph/plan';
import { makeMemoryTakeStore } from '../../../src/core/graph/take-store';
import { listTakes, pickTake, withNewSeed } from '../../../src/core/graph/takes';
import { makeFakeRunners, makeTestClock, sequentialIds, shotGraph } from './helpers';

describe('takes', () => {
  it('keeps every output with its params; a new seed makes a new take; picking one restores it without a run', async () => {
    const fakes = makeFakeRunners();
    const cache = makeMemoryCacheStore();
    const takes = makeMemoryTakeStore();
    const executor = makeExecutor({ runners: fakes.runners, cache, jobs: makeMemoryJobStore(), takes, clock: makeTestClock(), newId: sequentialIds('t'), projectId: 'p1' });

    const graph = shotGraph('1');
    await executor.run(graph);
    const reseeded = withNewSeed(graph, 'veo-1', 1234);
    if (!reseeded.ok) throw new Error(reseeded.message);
    await executor.run(reseeded.value);
    expect(fakes.calls.get('veo-1')).toBe(2);
    expect(fakes.calls.get('prompt-1')).toBe(1);

    const history = await listTakes(takes, 'p1', 'veo-1');
    expect(history).toHaveLength(2);
    expect(history[0]!.params.seed).toBeUndefined();
    expect(history[1]!.params.seed).toBe(1234);
    expect(history[0]!.cacheKey).not.toBe(history[1]!.cacheKey);
    expect(history[0]!.outputs.video).not.toEqual(history[1]!.outputs.video);

    // Pick the first take again: params come back and the cache answers, downstream too.
    const picked = await pickTake(reseeded.value, 'veo-1', history[0]!.id, { takes, cache });
    if (!picked.ok) throw new Error(picked.message);
    expect(picked.value.restored).toBe(true);
    expect(picked.value.graph.nodes.find((n) => n.id === 'veo-1')!.params.seed).toBeUndefined();
    const plan = await planAndCheck(picked.value.graph, cache);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.value.toRun).toEqual([]);
    expect(plan.value.hits.get('veo-1')!.takeId).toBe(history[0]!.id);
    const before = fakes.total();
    await executor.run(picked.value.graph);
    expect(fakes.total()).toBe(before);
  });

  it('refuses takes of other nodes and seeds on kinds without one', async () => {
    const takes = makeMemoryTakeStore();
    await takes.add({ id: 'tk', projectId: 'p1', nodeId: 'veo-2', kind: 'veo-video', kindVersion: 1, cacheKey: 'k', params: {}, outputs: {}, jobId: 'j', createdAt: 0 });
    const graph = shotGraph('1');
    expect(await pickTake(graph, 'veo-1', 'tk', { takes, cache: makeMemoryCacheStore() })).toMatchObject({ ok: false, code: 'unknown_take' });
    expect(withNewSeed(graph, 'prompt-1', 5)).toMatchObject({ ok: false, code: 'no_seed' });
  });
});
