import { err, ok, type Err, type Ok } from '../util/result';
import { computeCacheKeys } from './cache-keys';
import type { CacheEntry, CacheStore } from './cache-store';
import type { Graph } from './graph-types';
import { defaultKindRegistry, nameNode, type KindRegistry } from './kind-registry';
import { topologyOf, upstreamInOrder, type Topology } from './topology';

export type PlanErrorCode = 'dependency_cycle' | 'unknown_kind' | 'unknown_node';

export type PlanError = Err<PlanErrorCode> & {
  /** For a cycle: its nodes in edge order; otherwise the node at fault. */
  nodeIds: string[];
};

export interface Plan {
  targets: readonly string[];
  /** Cache key of every node the targets depend on. */
  keys: ReadonlyMap<string, string>;
  /** Nodes whose output is missing for their current key, in run order. */
  toRun: readonly string[];
  /** Nodes reached by the pull whose output is cached (they stop the pull). */
  hits: ReadonlyMap<string, CacheEntry>;
  /** The topology the plan was made from, for the run that follows. */
  topology: Topology;
}

export interface PlanOptions {
  /** Nodes whose outputs are wanted; default every node. A partial run is a short list. */
  targets?: readonly string[];
  registry?: KindRegistry;
}

/**
 * Pull planning: from the targets, walk inputs backwards and stop at every node whose output
 * is cached for its current key. One cache round trip for the whole plan.
 *
 * @example
 * const plan = await planAndCheck(graph, cache, { targets: ['extend-1'] });
 * if (plan.ok) plan.value.toRun; // ['prompt-1', 'veo-1', 'extend-1'] on a cold cache
 */
export async function planAndCheck(graph: Graph, cache: CacheStore, options: PlanOptions = {}): Promise<Ok<Plan> | PlanError> {
  const registry = options.registry ?? defaultKindRegistry;
  const topo = topologyOf(graph);
  if (topo.cycle) {
    const names = [...topo.cycle, topo.cycle[0]!].map((id) => nameNode(topo.nodeById.get(id), id, registry));
    return { ...err('dependency_cycle', `The graph has a cycle: ${names.join(' → ')}`), nodeIds: [...topo.cycle] };
  }

  const targets = options.targets ?? topo.order!;
  const missing = targets.find((id) => !topo.nodeById.has(id));
  if (missing !== undefined) return { ...err('unknown_node', `No node "${missing}" to run`), nodeIds: [missing] };

  const upstream = upstreamInOrder(topo, targets);
  const keyed = computeCacheKeys(topo, upstream, registry);
  if (!keyed.ok) {
    const at = upstream.find((id) => !registry.get(topo.nodeById.get(id)!.kind))!;
    return { ...keyed, nodeIds: [at] };
  }
  const keys = keyed.value;
  const entries = await cache.getMany(upstream.map((id) => keys.get(id)!));

  const needed = new Set(targets);
  const hits = new Map<string, CacheEntry>();
  const toRun: string[] = [];
  for (let i = upstream.length - 1; i >= 0; i--) {
    const id = upstream[i]!;
    if (!needed.has(id)) continue;
    const entry = entries[i];
    if (entry) {
      hits.set(id, entry);
      continue;
    }
    toRun.push(id);
    for (const edge of topo.incoming.get(id)!) needed.add(edge.from);
  }
  toRun.reverse();
  return ok({ targets, keys, toRun, hits, topology: topo });
}
