import { err, ok, type Result } from '../util/result';
import type { Graph, GraphEdge, GraphNode } from './graph-types';
import { defaultKindRegistry, nameNode, type KindRegistry } from './kind-registry';
import { inputPortsOf, type InputPortSpec, type OutputPortSpec } from './node-kind';
import { describePortType, describePortTypes, portAccepts } from './port-types';
import { pathBetween, topologyOf } from './topology';

export type ConnectionErrorCode =
  | 'unknown_node'
  | 'unknown_kind'
  | 'unknown_port'
  | 'self_connection'
  | 'type_mismatch'
  | 'duplicate_edge'
  | 'too_many_inputs'
  | 'would_create_cycle';

export type ConnectionRequest = Pick<GraphEdge, 'from' | 'fromPort' | 'to' | 'toPort'>;

export interface ConnectionCheck {
  /** A single input already fed by this edge: connecting replaces it (canvas behaviour). */
  replacesEdgeId?: string;
}

/**
 * Says whether an output may feed an input and, if not, why in plain words.
 *
 * @example
 * checkConnection(graph, { from: 'prompt-1', fromPort: 'text', to: 'extend-1', toPort: 'video' });
 * // { ok: false, code: 'type_mismatch', message: 'Video input expects a video, got text' }
 */
export function checkConnection(
  graph: Graph,
  request: ConnectionRequest,
  registry: KindRegistry = defaultKindRegistry,
): Result<ConnectionCheck, ConnectionErrorCode> {
  const topo = topologyOf(graph);
  const source = topo.nodeById.get(request.from);
  const target = topo.nodeById.get(request.to);
  if (!source) return err('unknown_node', `No node "${request.from}" to connect from`);
  if (!target) return err('unknown_node', `No node "${request.to}" to connect to`);
  if (source.id === target.id) return err('self_connection', `${nameNode(source, source.id, registry)} cannot feed itself`);

  const ends = checkEndpoints(source, target, request, registry);
  if (!ends.ok) return ends;
  const { input, output } = ends.value;

  const intoPort = (topo.incoming.get(target.id) ?? []).filter((edge) => edge.toPort === input.name);
  if (intoPort.some((edge) => edge.from === source.id && edge.fromPort === output.name))
    return err('duplicate_edge', `${output.label} of ${nameNode(source, source.id, registry)} already feeds ${input.label}`);
  if (input.multiple && input.max !== undefined && intoPort.length >= input.max)
    return err('too_many_inputs', `${input.label} input takes at most ${input.max} connections`);

  // A path target → … → source plus the new edge would close a loop.
  const back = pathBetween(topo, target.id, source.id);
  if (back) {
    const names = [...back, target.id].map((id) => nameNode(topo.nodeById.get(id), id, registry));
    return err('would_create_cycle', `Connecting would create a cycle: ${names.join(' → ')}`);
  }

  return ok(input.multiple || !intoPort[0] ? {} : { replacesEdgeId: intoPort[0].id });
}

/**
 * The checks that need only the two nodes: kinds known, ports exist, types compatible.
 * Shared with the import gate, which checks every edge of a file at once.
 */
export function checkEndpoints(
  source: GraphNode,
  target: GraphNode,
  request: ConnectionRequest,
  registry: KindRegistry,
): Result<{ input: InputPortSpec; output: OutputPortSpec }, 'unknown_kind' | 'unknown_port' | 'type_mismatch'> {
  const sourceKind = registry.get(source.kind);
  const targetKind = registry.get(target.kind);
  if (!sourceKind) return err('unknown_kind', `Unknown node kind "${source.kind}"`);
  if (!targetKind) return err('unknown_kind', `Unknown node kind "${target.kind}"`);
  const output = sourceKind.outputs.find((port) => port.name === request.fromPort);
  if (!output) return err('unknown_port', `${sourceKind.title} has no output "${request.fromPort}"`);
  const input = inputPortsOf(targetKind, target.params).find((port) => port.name === request.toPort);
  if (!input) return err('unknown_port', `${targetKind.title} has no input "${request.toPort}"`);
  if (!portAccepts(input.accepts, output.type))
    return err('type_mismatch', `${input.label} input expects ${describePortTypes(input.accepts)}, got ${describePortType(output.type)}`);
  return ok({ input, output });
}
