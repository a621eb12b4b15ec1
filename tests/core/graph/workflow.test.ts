import { describe, expect, it } from 'vitest';
import { makeMemoryCacheStore } from '../../../src/core/graph/cache-store';
import { exportWorkflow } from '../../../src/core/graph/export-workflow';
import { planAndCheck } from '../../../src/core/graph/plan';
import { restoreWorkflow } from '../../../src/core/graph/restore-workflow';
import { STARTER_WORKFLOWS } from '../../../src/core/graph/starter-workflows';
import { WORKFLOW_LIMITS } from '../../../src/core/graph/workflow-file';
import { graphOf, mergeGraphs, shotGraph } from './helpers';

const sample = () => {
  const graph = mergeGraphs(
    shotGraph('1'),
    graphOf([['montage', 'composition', { props: [{ name: 'clip', type: 'video' }] }], ['export', 'render']], ['extend-1.video->montage.clip', 'montage.composition->export.composition']),
  );
  graph.groups.push({ id: 'g1', label: 'Shot one', color: '#ff8800' });
  graph.nodes[0] = { ...graph.nodes[0]!, group: 'g1', label: 'Opening line' };
  return graph;
};

/** A valid file as plain JSON data, to tamper with. */
const fileData = (): any => JSON.parse(JSON.stringify(exportWorkflow(sample(), { name: 'Sample', exportedAt: 1_700_000_000_000 })));

function expectRefused(input: unknown, code: string, message?: RegExp) {
  const result = restoreWorkflow(input);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.code).toBe(code);
    if (message) expect(result.message).toMatch(message);
  }
  return result as Extract<typeof result, { ok: false }>;
}

describe('workflow export and import', () => {
  it('round-trips a graph through JSON text', () => {
    const graph = sample();
    const text = JSON.stringify(exportWorkflow(graph, { name: 'Sample', description: 'one shot' }));
    const back = restoreWorkflow(text);
    if (!back.ok) throw new Error(back.message);
    expect(back.value.name).toBe('Sample');
    expect(back.value.description).toBe('one shot');
    expect(back.value.graph).toEqual(graph);
  });

  it('ships two starter graphs that import cleanly and plan', async () => {
    expect(STARTER_WORKFLOWS.map((w) => w.name)).toEqual(['Character → three shots → extend', 'Music → beat-cut montage']);
    for (const starter of STARTER_WORKFLOWS) {
      const restored = restoreWorkflow(JSON.stringify(starter));
      if (!restored.ok) throw new Error(`${starter.name}: ${restored.message} ${JSON.stringify(restored.problems)}`);
      const plan = await planAndCheck(restored.value.graph, makeMemoryCacheStore());
      expect(plan.ok).toBe(true);
    }
    const threeShots = restoreWorkflow(STARTER_WORKFLOWS[0]);
    if (!threeShots.ok) throw new Error(threeShots.message);
    expect(threeShots.value.graph.nodes.filter((n) => n.kind === 'veo-video')).toHaveLength(3);
    expect(threeShots.value.graph.edges.filter((e) => e.toPort === 'references')).toHaveLength(3);
  });

  it('fills defaults and drops unknown keys (loose in, strict out)', () => {
    const data = fileData();
    data.extra = 'ignored';
    data.graph.nodes[1].params = { mode: 'text_to_video', futureFlag: true };
    data.graph.nodes[1].mystery = { deep: 1 };
    const result = restoreWorkflow(data);
    if (!result.ok) throw new Error(result.message);
    const veo = result.value.graph.nodes[1]!;
    expect(veo).not.toHaveProperty('mystery');
    expect(veo.params).not.toHaveProperty('futureFlag');
    expect(veo.params).toMatchObject({ durationSeconds: 8, resolution: '720p' });
  });
});

describe('restoreWorkflow: hostile and malformed input', () => {
  it('refuses text that is not JSON, too large, or not a workflow', () => {
    expectRefused('{"type": "director-workflow", ', 'invalid_json');
    expectRefused('x'.repeat(WORKFLOW_LIMITS.maxBytes + 1), 'too_large');
    for (const input of ['null', '[]', '42', '"text"', '{}', '{"type":"excalidraw"}']) expectRefused(input, 'not_a_workflow');
    expectRefused(undefined, 'not_a_workflow');
  });

  it('refuses versions it does not know, naming them', () => {
    expectRefused({ ...fileData(), version: 2 }, 'unsupported_version', /version 2 was made by a newer Director/);
    expectRefused({ ...fileData(), version: '1' }, 'unsupported_version');
    expectRefused({ ...fileData(), version: 0 }, 'unsupported_version');
    expectRefused({ ...fileData(), version: 1.5 }, 'unsupported_version');
  });

  it('reports unknown kinds and every bad edge at once, and returns no graph', () => {
    const data = fileData();
    data.graph.nodes.push({ id: 'hologram', kind: 'hologram-video', params: {}, position: { x: 0, y: 0 } });
    data.graph.edges.push(
      { id: 'dangling', from: 'ghost', fromPort: 'text', to: 'veo-1', toPort: 'prompt' },
      { id: 'wrong-port', from: 'prompt-1', fromPort: 'text', to: 'veo-1', toPort: 'soundtrack' },
      { id: 'wrong-type', from: 'prompt-1', fromPort: 'text', to: 'extend-1', toPort: 'video' },
    );
    const result = expectRefused(data, 'invalid_workflow', /4 problems/);
    expect(result.problems.map((p) => [p.code, p.where])).toEqual([
      ['unknown_kind', 'nodes[5]'],
      ['bad_edge', 'edges[4]'],
      ['bad_edge', 'edges[5]'],
      ['bad_edge', 'edges[6]'],
    ]);
    expect(result.problems[3]!.message).toBe('Edge "wrong-type": Video input expects a video, got text');
    expect('value' in result).toBe(false);
  });

  it('refuses cycles, duplicate ids, doubled single inputs, bad params and missing groups', () => {
    const cyclic = fileData();
    cyclic.graph.nodes.push({ id: 'extend-b', kind: 'extend', params: {}, position: { x: 0, y: 0 } });
    cyclic.graph.edges = [
      { id: 'a', from: 'extend-1', fromPort: 'video', to: 'extend-b', toPort: 'video' },
      { id: 'b', from: 'extend-b', fromPort: 'video', to: 'extend-1', toPort: 'video' },
    ];
    const cycle = expectRefused(cyclic, 'invalid_workflow');
    expect(cycle.problems.find((p) => p.code === 'dependency_cycle')!.message).toMatch(/cycle: Extend \(extend-1\) → Extend \(extend-b\) → Extend \(extend-1\)/);

    const dupes = fileData();
    dupes.graph.nodes.push({ ...dupes.graph.nodes[0] });
    dupes.graph.edges.push({ ...dupes.graph.edges[0], id: 'again' });
    dupes.graph.nodes[1].params = { durationSeconds: 5 };
    dupes.graph.nodes[2].group = 'nowhere';
    const codes = expectRefused(dupes, 'invalid_workflow').problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['duplicate_id', 'invalid_params', 'unknown_group', 'bad_edge']));
  });

  it('refuses malformed structure: wrong types, huge counts, non-finite numbers, odd ids', () => {
    const notArray = fileData();
    notArray.graph.nodes = { 0: notArray.graph.nodes[0] };
    expectRefused(notArray, 'invalid_workflow', /graph\.nodes/);

    const far = JSON.stringify(fileData()).replace('"x":0', '"x":1e400');
    expectRefused(far, 'invalid_workflow', /position\.x/);

    const badId = fileData();
    badId.graph.nodes[0].id = '../../etc/passwd';
    expectRefused(badId, 'invalid_workflow');

    const many = fileData();
    many.graph.nodes = Array.from({ length: WORKFLOW_LIMITS.maxNodes + 1 }, (_, i) => ({ id: `n${i}`, kind: 'prompt', params: {}, position: { x: 0, y: 0 } }));
    many.graph.edges = [];
    expectRefused(many, 'invalid_workflow', /graph\.nodes/);
  });

  it('cannot pollute prototypes through __proto__ or constructor keys', () => {
    const text = JSON.stringify(fileData())
      .replace('"params":{', '"params":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},')
      .replace('"type":"director-workflow"', '"type":"director-workflow","__proto__":{"polluted":true}');
    const result = restoreWorkflow(text);
    if (!result.ok) throw new Error(result.message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const params = result.value.graph.nodes[0]!.params;
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
    expect(Object.keys(params)).toEqual(['text']);
  });
});
