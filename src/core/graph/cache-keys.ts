import { err, ok, type Result } from '../util/result';
import { canonicalJson } from './canonical-json';
import { hashText } from './hash-text';
import type { KindRegistry } from './kind-registry';
import type { Topology } from './topology';

/** Bump when the key recipe changes: old cache entries then simply stop matching. */
const KEY_RECIPE = 1;

/**
 * Cache key of each node: hash of its kind, kind version, params (or the kind's cache identity)
 * and the keys of its inputs by port and position, never node ids. Two identical subgraphs
 * share keys, and moving or renaming a node keeps them.
 *
 * `ids` must list every ancestor of each id before it (run order).
 */
export function computeCacheKeys(
  topo: Topology,
  ids: readonly string[],
  registry: KindRegistry,
  /** 'skip': leave nodes of unknown kinds (and their downstream) without a key instead of failing. */
  onUnknownKind: 'fail' | 'skip' = 'fail',
): Result<Map<string, string>, 'unknown_kind'> {
  const keys = new Map<string, string>();
  for (const id of ids) {
    const node = topo.nodeById.get(id)!;
    const def = registry.get(node.kind);
    if (!def) {
      if (onUnknownKind === 'skip') continue;
      return err('unknown_kind', `Unknown node kind "${node.kind}" (${id})`);
    }
    if (onUnknownKind === 'skip' && topo.incoming.get(id)!.some((edge) => !keys.has(edge.from))) continue;

    // Each node is hashed once per call; its inputs contribute their finished keys, not their subtrees.
    const inputs = inputSignature(topo, id, keys);
    const identity = def.cacheIdentity ? def.cacheIdentity(node.params) : node.params;
    keys.set(id, hashText(`${KEY_RECIPE}|${def.kind}@${def.version}|${canonicalJson(identity)}|${inputs}`));
  }
  return ok(keys);
}

/** "prompt=<key>.text;references=<key>.character,<key>.character": ports sorted, edge order kept. */
function inputSignature(topo: Topology, id: string, keys: ReadonlyMap<string, string>): string {
  const edges = topo.incoming.get(id)!;
  if (edges.length === 0) return '';
  const sorted = edges.length === 1 ? edges : [...edges].sort((a, b) => (a.toPort < b.toPort ? -1 : a.toPort > b.toPort ? 1 : 0));
  let out = '';
  for (const edge of sorted) out += `${edge.toPort}=${keys.get(edge.from)}.${edge.fromPort};`;
  return out;
}
