import { describe, expect, it } from 'vitest';
import { findCycle } from '../../../src/core/graph/find-cycle';
import { addNode, groupNodes, moveNodes, removeNodes, ungroup, updateParams } from '../../../src/core/graph/graph-edits';
import { BUILT_IN_KINDS } from '../../../src/core/graph/kinds';
import { DuplicateKindError, defaultKindRegistry, defaultParams, makeKindRegistry, parseParams } from '../../../src/core/graph/kind-registry';
import { makeMemoryCacheStore } from '../../../src/core/graph/cache-store';
import { planAndCheck } from '../../../src/core/graph/plan';
import { emptyGraph } from '../../../src/core/graph/graph-types';
import { graphOf, sequentialIds } from './helpers';

describe('node kinds', () => {
  it('every kind has a version, a provider, default params that validate, and ports', () => {
    const names = BUILT_IN_KINDS.map((k) => k.kind);
    expect(names).toEqual(
      expect.arrayContaining(['image', 'prompt', 'enhance', 'face-analysis', 'character', 'veo-video', 'extend', 'runway-video', 'comfyui', 'audio', 'beats', 'composition', 'render']),
    );
    for (const def of BUILT_IN_KINDS) {
      expect(def.version).toBeGreaterThanOrEqual(1);
      expect(['veo', 'runway', 'gemini', 'local', 'render', 'comfyui', 'openai']).toContain(def.provider);
      expect(parseParams(def, defaultParams(def)).ok).toBe(true);
      expect(def.outputs.length).toBeGreaterThan(0);
    }
  });

  it('Veo params follow the provider limits', () => {
    const veo = defaultKindRegistry.get('veo-video')!;
    expect(defaultParams(veo)).toMatchObject({ mode: 'text_to_video', durationSeconds: 8, resolution: '720p', aspectRatio: '16:9' });
    expect(parseParams(veo, { durationSeconds: 5 })).toMatchObject({ ok: false, code: 'invalid_params' });
    const hd = parseParams(veo, { durationSeconds: 4, resolution: '1080p' });
    expect(hd).toMatchObject({ ok: false, message: 'Veo video params: resolution: 1080p needs an 8 s duration' });
    expect(parseParams(veo, { durationSeconds: 6, negativePrompt: 'blur', seed: 7 }).ok).toBe(true);
  });

  it('says what a Veo mode needs wired', () => {
    const veo = defaultKindRegistry.get('veo-video')!;
    const params = parseParams(veo, { mode: 'first_last_frame' });
    if (!params.ok) throw new Error(params.message);
    expect(veo.checkRunnable!(params.value, new Set(['image']))).toBe('Veo video: first+last frame needs a first and a last frame image');
    expect(veo.checkRunnable!(params.value, new Set(['image', 'lastFrame']))).toBeNull();
  });

  it('Enhance offers style presets and the registry refuses duplicate kinds', () => {
    const enhance = defaultKindRegistry.get('enhance')!;
    expect(parseParams(enhance, { preset: 'anime' }).ok).toBe(true);
    expect(parseParams(enhance, { preset: 'vaporwave' }).ok).toBe(false);
    expect(() => makeKindRegistry([enhance, enhance])).toThrow(DuplicateKindError);
  });
});

describe('cycles', () => {
  it('findCycle names the nodes of the loop in edge order', () => {
    const successors = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycle(['d', 'a', 'b', 'c'], successors)).toEqual(['a', 'b', 'c']);
    expect(findCycle(['a', 'b'], new Map([['a', ['b']]]))).toBeNull();
  });

  it('planning refuses a cyclic graph (e.g. from a hand-edited file) with the nodes named', async () => {
    const g = graphOf(
      [
        ['v', 'veo-video'],
        ['x', 'extend'],
        ['y', 'extend'],
      ],
      ['v.video->x.video', 'x.video->y.video', 'y.video->x.video'],
    );
    const plan = await planAndCheck(g, makeMemoryCacheStore());
    expect(plan).toMatchObject({ ok: false, code: 'dependency_cycle', nodeIds: ['x', 'y'] });
    if (!plan.ok) expect(plan.message).toBe('The graph has a cycle: Extend (x) → Extend (y) → Extend (x)');
  });
});

describe('graph edits', () => {
  const ids = sequentialIds('n');

  it('adds nodes with default params and refuses unknown kinds and bad params', () => {
    const added = addNode(emptyGraph(), { kind: 'veo-video', position: { x: 1, y: 2 } }, undefined, ids);
    expect(added.ok && added.value.node.params).toMatchObject({ durationSeconds: 8 });
    expect(addNode(emptyGraph(), { kind: 'sora', position: { x: 0, y: 0 } })).toMatchObject({ ok: false, code: 'unknown_kind' });
    expect(addNode(emptyGraph(), { kind: 'veo-video', position: { x: 0, y: 0 }, params: { durationSeconds: 3 } })).toMatchObject({
      ok: false,
      code: 'invalid_params',
    });
  });

  it('removing a Composition prop drops the edges into it; removing a node drops its edges', () => {
    const g = graphOf(
      [
        ['p', 'prompt', { text: 'title' }],
        ['v', 'veo-video'],
        ['c', 'composition', { props: [{ name: 'title', type: 'text' }, { name: 'clip', type: 'video' }] }],
      ],
      ['p.text->c.title', 'v.video->c.clip', 'p.text->v.prompt'],
    );
    const updated = updateParams(g, 'c', { props: [{ name: 'clip', type: 'video' }] });
    expect(updated.ok && updated.value.edges.map((e) => e.toPort)).toEqual(['clip', 'prompt']);
    expect(removeNodes(g, ['v']).edges.map((e) => `${e.from}->${e.to}`)).toEqual(['p->c']);
    expect(updateParams(g, 'v', { resolution: '8k' })).toMatchObject({ ok: false, code: 'invalid_params' });
  });

  it('groups nodes and ungroups them; moves keep the other nodes untouched', () => {
    const g = graphOf([['a', 'prompt'], ['b', 'prompt'], ['c', 'prompt']]);
    const { graph, group } = groupNodes(g, ['a', 'b'], 'Intro', ids);
    expect(graph.nodes.map((n) => n.group)).toEqual([group.id, group.id, undefined]);
    expect(ungroup(graph, group.id).nodes.every((n) => !('group' in n))).toBe(true);
    const moved = moveNodes(g, { b: { x: 50, y: 60 } });
    expect(moved.nodes[1]!.position).toEqual({ x: 50, y: 60 });
    expect(moved.nodes[0]).toBe(g.nodes[0]);
  });
});
