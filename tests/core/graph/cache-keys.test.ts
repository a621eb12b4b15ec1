import { describe, expect, it } from 'vitest';
import { computeCacheKeys } from '../../../src/core/graph/cache-keys';
import { canonicalJson } from '../../../src/core/graph/canonical-json';
import { moveNodes, updateParams } from '../../../src/core/graph/graph-edits';
import { hashText } from '../../../src/core/graph/hash-text';
import { defaultKindRegistry, makeKindRegistry } from '../../../src/core/graph/kind-registry';
import { BUILT_IN_KINDS } from '../../../src/core/graph/kinds';
import { cacheKeysOfGraph } from '../../../src/core/graph/stale';
import { topologyOf } from '../../../src/core/graph/topology';
import { graphOf, shotGraph } from './helpers';

const keysOf = (graph: Parameters<typeof cacheKeysOfGraph>[0], registry = defaultKindRegistry) => cacheKeysOfGraph(graph, registry);

describe('canonicalJson and hashText', () => {
  it('sorts keys at every depth and follows JSON for the rest', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], u: undefined })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(canonicalJson({ x: NaN, y: -0, z: [undefined] })).toBe('{"x":null,"y":0,"z":[null]}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('hashes to 32 hex digits, differently for near-identical text', () => {
    expect(hashText('a')).toMatch(/^[0-9a-f]{32}$/);
    expect(hashText('a')).toBe(hashText('a'));
    expect(hashText('seed:1')).not.toBe(hashText('seed:2'));
    const many = new Set(Array.from({ length: 20000 }, (_, i) => hashText(`prompt ${i}`)));
    expect(many.size).toBe(20000);
  });
});

describe('cache keys', () => {
  it('depend on content, not on node ids, labels or positions', () => {
    const a = keysOf(shotGraph('1', 'same text'));
    const b = keysOf(shotGraph('zz', 'same text'));
    expect(a.get('extend-1')).toBe(b.get('extend-zz'));
    const graph = shotGraph('1');
    const moved = moveNodes(graph, { 'veo-1': { x: 999, y: 5 } });
    moved.nodes[1] = { ...moved.nodes[1]!, label: 'Hero shot' };
    expect(keysOf(moved)).toEqual(keysOf(graph));
  });

  it('change for the edited node and everything downstream only', () => {
    const graph = shotGraph('1');
    const before = keysOf(graph);
    const edited = updateParams(graph, 'veo-1', { seed: 42 });
    if (!edited.ok) throw new Error(edited.message);
    const after = keysOf(edited.value);
    expect(after.get('prompt-1')).toBe(before.get('prompt-1'));
    expect(after.get('veo-1')).not.toBe(before.get('veo-1'));
    expect(after.get('extend-1')).not.toBe(before.get('extend-1'));
  });

  it('include the kind version', () => {
    const graph = shotGraph('1');
    const bumped = makeKindRegistry(BUILT_IN_KINDS.map((k) => (k.kind === 'veo-video' ? { ...k, version: k.version + 1 } : k)));
    const before = keysOf(graph);
    const after = keysOf(graph, bumped);
    expect(after.get('prompt-1')).toBe(before.get('prompt-1'));
    expect(after.get('veo-1')).not.toBe(before.get('veo-1'));
    expect(after.get('extend-1')).not.toBe(before.get('extend-1'));
  });

  it('follow input positions: which port, and order within a multiple port', () => {
    const refs = (order: string[]) =>
      graphOf(
        [
          ['img', 'image', { assetId: 'x' }],
          ['c1', 'character', { name: 'A' }],
          ['c2', 'character', { name: 'B' }],
          ['p', 'prompt', { text: 't' }],
          ['veo', 'veo-video', { mode: 'reference_images' }],
        ],
        ['img.image->c1.photos', 'img.image->c2.photos', 'p.text->veo.prompt', ...order.map((c) => `${c}.character->veo.references`)],
      );
    expect(keysOf(refs(['c1', 'c2'])).get('veo')).not.toBe(keysOf(refs(['c2', 'c1'])).get('veo'));
    const asFirst = graphOf([['i', 'image', { assetId: 'x' }], ['v', 'veo-video']], ['i.image->v.image']);
    const asLast = graphOf([['i', 'image', { assetId: 'x' }], ['v', 'veo-video']], ['i.image->v.lastFrame']);
    expect(keysOf(asFirst).get('v')).not.toBe(keysOf(asLast).get('v'));
  });

  it("use an upload's content hash, so the same file uploaded twice is one key", () => {
    const a = keysOf(graphOf([['i', 'image', { assetId: 'asset-1', contentHash: 'sha256-abcdefgh' }]]));
    const b = keysOf(graphOf([['i', 'image', { assetId: 'asset-2', contentHash: 'sha256-abcdefgh' }]]));
    const c = keysOf(graphOf([['i', 'image', { assetId: 'asset-2' }]]));
    expect(a.get('i')).toBe(b.get('i'));
    expect(c.get('i')).not.toBe(a.get('i'));
  });

  it('see params edited in place (a reactive store may mutate rather than replace)', () => {
    const graph = shotGraph('1');
    const before = keysOf(graph);
    (graph.nodes[0]!.params as { text: string }).text = 'edited in place';
    graph.edges.pop(); // veo-1 → extend-1 unplugged in place
    const after = keysOf(graph);
    expect(after.get('prompt-1')).not.toBe(before.get('prompt-1'));
    expect(after.get('veo-1')).not.toBe(before.get('veo-1'));
    expect(after.get('extend-1')).not.toBe(before.get('extend-1'));
  });

  it('refuse unknown kinds when planning', () => {
    const graph = graphOf([['x', 'hologram-video']]);
    const topo = topologyOf(graph);
    expect(computeCacheKeys(topo, ['x'], defaultKindRegistry)).toMatchObject({ ok: false, code: 'unknown_kind' });
  });
});
