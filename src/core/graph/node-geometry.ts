import type { GraphNode } from './graph-types';
import type { KindRegistry } from './kind-registry';
import { inputPortsOf } from './node-kind';
import { paramLines } from './param-info';

/**
 * A canvas node's geometry in graph units. The canvas draws nodes with these numbers and the
 * layout maths (overlaps, tidy) reasons with them, so both agree on where a port is.
 */
export const NODE_WIDTH = 220;
export const NODE_HEADER = 30;
export const PORT_ROW = 22;
/** One "Label value" line of the params a node shows. */
export const PARAM_ROW = 18;
/** The params block's top padding, when a node shows params. */
export const PARAMS_PADDING = 4;
/** The border (1 px top and bottom) and the body's padding (6 px above, 8 px below). */
export const NODE_CHROME = 2 + 6 + 8;

export interface NodeSize {
  width: number;
  height: number;
}

export interface NodeBox extends NodeSize {
  id: string;
  x: number;
  y: number;
}

/** How tall an idle node is: header, port rows, param lines and an empty body. Its media only adds to this. */
export function estimateNodeHeight(portRows: number, paramRows: number): number {
  return NODE_HEADER + Math.max(1, portRows) * PORT_ROW + (paramRows ? PARAMS_PADDING + paramRows * PARAM_ROW : 0) + NODE_CHROME;
}

/** An idle node's size from its kind and params alone (no DOM): what the canvas assumes until it has measured the node. */
export function estimateNodeSize(node: GraphNode, registry: KindRegistry): NodeSize {
  const def = registry.get(node.kind);
  const rows = def ? Math.max(inputPortsOf(def, node.params).length, def.outputs.length) : 1;
  return { width: NODE_WIDTH, height: estimateNodeHeight(rows, def ? paramLines(def.paramInfo, node.params).length : 0) };
}

/** The vertical middle of an input or output port, from the node's top. */
export function portOffset(index: number): number {
  return NODE_HEADER + Math.max(0, index) * PORT_ROW + PORT_ROW / 2;
}

/** Where each edge leaves and enters its nodes, from the nodes' tops; the first row for unknown ports. */
export function portOffsetsOf(node: GraphNode, registry: KindRegistry) {
  const def = registry.get(node.kind);
  const inputs = def ? inputPortsOf(def, node.params) : [];
  const outputs = def?.outputs ?? [];
  return {
    input: (port: string) => portOffset(inputs.findIndex((p) => p.name === port)),
    output: (port: string) => portOffset(outputs.findIndex((p) => p.name === port)),
  };
}

export function boxOf(node: GraphNode, size: NodeSize): NodeBox {
  return { id: node.id, x: node.position.x, y: node.position.y, width: size.width, height: size.height };
}

/** True when two boxes share some area (touching edges do not count). */
export function boxesIntersect(a: NodeBox, b: NodeBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every pair of boxes that overlap, as id pairs. */
export function overlappingPairs(boxes: readonly NodeBox[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (boxesIntersect(boxes[i]!, boxes[j]!)) pairs.push([boxes[i]!.id, boxes[j]!.id]);
  return pairs;
}
