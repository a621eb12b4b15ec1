import { describe, expect, it } from 'vitest';
import { makeMemoryCacheStore } from '../../../src/core/graph/cache-store';
import type { Graph } from '../../../src/core/graph/graph-types';
import { planAndCheck } from '../../../src/core/graph/plan';
import { cacheKeysOfGraph } from '../../../src/core/graph/stale';
import { graphOf, mergeGraphs, shotGraph } from './helpers';

/** 125 chains of prompt → enhance → veo → extend, plus a few cross-links into compositions: 500 nodes. */
function bigGraph(): Graph {
  const chains = Array.from({ length: 124 }, (_, i) =>
    graphOf(
      [
        [`p${i}`, 'prompt', { text: `shot ${i}: a long prompt describing the scene in detail, lighting, lens and motion` }],
        [`e${i}`, 'enhance', { preset: i % 2 ? 'cinematic' : 'anime' }],
        [`v${i}`, 'veo-video', { seed: i }],
        [`x${i}`, 'extend'],
      ],
      [`p${i}.text->e${i}.prompt`, `e${i}.text->v${i}.prompt`, `v${i}.video->x${i}.video`],
    ),
  );
  const props = Array.from({ length: 4 }, (_, j) => ({ name: `clips${j}`, type: 'video', multiple: true }));
  const tail = graphOf(
    [
      ['music', 'audio', { assetId: 'a1', contentHash: 'sha-music-1' }],
      ['beats', 'beats'],
      ['montage', 'composition', { props: [...props, { name: 'beats', type: 'beats' }] }],
      ['export', 'render'],
    ],
    [
      'music.audio->beats.audio',
      'beats.beats->montage.beats',
      'montage.composition->export.composition',
      ...Array.from({ length: 124 }, (_, i) => `x${i}.video->montage.clips${i % 4}`),
    ],
  );
  return mergeGraphs(...chains, tail);
}

describe('planAndCheck', () => {
  it('plans a partial run: only the targets and their missing ancestors', async () => {
    const graph = mergeGraphs(shotGraph('1'), shotGraph('2'));
    const cache = makeMemoryCacheStore();
    const cold = await planAndCheck(graph, cache, { targets: ['veo-1'] });
    expect(cold.ok && cold.value.toRun).toEqual(['prompt-1', 'veo-1']);

    const keys = cacheKeysOfGraph(graph);
    await cache.set({ key: keys.get('veo-1')!, kind: 'veo-video', outputs: { video: 'v' }, createdAt: 0 });
    const warm = await planAndCheck(graph, cache, { targets: ['extend-1', 'extend-2'] });
    if (!warm.ok) throw new Error(warm.message);
    expect([...warm.value.toRun].sort()).toEqual(['extend-1', 'extend-2', 'prompt-2', 'veo-2']);
    expect([...warm.value.hits.keys()]).toEqual(['veo-1']);
    // Run order: every node after its inputs.
    expect(warm.value.toRun.indexOf('prompt-2')).toBeLessThan(warm.value.toRun.indexOf('veo-2'));
  });

  it('refuses unknown targets and unknown kinds, naming the node', async () => {
    const cache = makeMemoryCacheStore();
    expect(await planAndCheck(shotGraph('1'), cache, { targets: ['ghost'] })).toMatchObject({ ok: false, code: 'unknown_node', nodeIds: ['ghost'] });
    const alien = graphOf([['p', 'prompt', { text: 'x' }], ['s', 'sora']], ['p.text->s.prompt']);
    expect(await planAndCheck(alien, cache)).toMatchObject({ ok: false, code: 'unknown_kind', nodeIds: ['s'] });
  });

  it('plans and cache-checks a 500-node graph where nothing changed', async () => {
    const graph = bigGraph();
    expect(graph.nodes).toHaveLength(500);
    const cache = makeMemoryCacheStore();
    for (const [id, key] of cacheKeysOfGraph(graph)) await cache.set({ key, kind: id, outputs: { out: id }, createdAt: 0 });

    // A graph read back from storage (new objects), planned twice: the second plan reuses nothing
    // the first one left behind. Its speed is measured by `npm run bench` (canvas), not asserted here.
    const fromStorage = structuredClone(graph);
    const cold = await planAndCheck(fromStorage, cache);
    const warm = await planAndCheck(fromStorage, cache);

    for (const plan of [cold, warm]) {
      if (!plan.ok) throw new Error(plan.message);
      expect(plan.value.toRun).toEqual([]);
      expect(plan.value.keys.size).toBe(500);
    }
    // Default targets are all nodes, so every node is a hit.
    if (cold.ok) expect(cold.value.hits.size).toBe(500);
  });
});
