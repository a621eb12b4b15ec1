import { err, ok, type Result } from '../util/result';
import type { CacheStore } from './cache-store';
import type { Graph } from './graph-types';
import { defaultKindRegistry, type KindRegistry } from './kind-registry';
import { cacheKeysOfGraph } from './stale';
import type { Take, TakeStore } from './take-store';

/** A node's history gallery, oldest first. */
export function listTakes(takes: TakeStore, projectId: string, nodeId: string): Promise<Take[]> {
  return takes.listByNode(projectId, nodeId);
}

/**
 * Makes a take current: the node gets the take's params back, and when its inputs are
 * unchanged the cache answers with the take's outputs (no run). Otherwise `restored` is false
 * and the next run regenerates with those params.
 */
export async function pickTake(
  graph: Graph,
  nodeId: string,
  takeId: string,
  stores: { takes: TakeStore; cache: CacheStore; registry?: KindRegistry },
): Promise<Result<{ graph: Graph; restored: boolean }, 'unknown_node' | 'unknown_take'>> {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) return err('unknown_node', `No node "${nodeId}"`);
  const take = await stores.takes.get(takeId);
  if (!take || take.nodeId !== nodeId || take.kind !== node.kind) return err('unknown_take', `No take "${takeId}" for node "${nodeId}"`);

  const next: Graph = { ...graph, nodes: graph.nodes.map((n) => (n === node ? { ...n, params: structuredClone(take.params) } : n)) };
  const key = cacheKeysOfGraph(next, stores.registry ?? defaultKindRegistry).get(nodeId);
  if (key !== take.cacheKey) return ok({ graph: next, restored: false });
  const [entry] = await stores.cache.getMany([key]);
  if (entry?.takeId !== take.id)
    await stores.cache.set({ key, kind: take.kind, outputs: take.outputs, takeId: take.id, createdAt: take.createdAt });
  return ok({ graph: next, restored: true });
}

/**
 * Sets a new seed so the next run makes a new take instead of answering from the cache.
 *
 * @example withNewSeed(graph, 'veo-1', Math.floor(Math.random() * 2 ** 32))
 */
export function withNewSeed(
  graph: Graph,
  nodeId: string,
  seed: number,
  registry: KindRegistry = defaultKindRegistry,
): Result<Graph, 'unknown_node' | 'no_seed'> {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) return err('unknown_node', `No node "${nodeId}"`);
  const def = registry.get(node.kind);
  if (!def?.seedParam) return err('no_seed', `${def?.title ?? node.kind} nodes have no seed`);
  const value = Math.floor(Math.abs(seed)) % 4_294_967_296;
  return ok({ ...graph, nodes: graph.nodes.map((n) => (n === node ? { ...n, params: { ...n.params, [def.seedParam!]: value } } : n)) });
}
