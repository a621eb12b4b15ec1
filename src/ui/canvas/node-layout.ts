import type { GraphNode } from '../../core/graph/graph-types';
import type { KindRegistry } from '../../core/graph/kind-registry';
import { estimateNodeHeight, NODE_HEADER, NODE_WIDTH, PORT_ROW, portOffset } from '../../core/graph/node-geometry';
import { inputPortsOf, type InputPortSpec, type OutputPortSpec } from '../../core/graph/node-kind';
import { paramLines, type ParamLine } from '../../core/graph/param-info';

/** Node geometry from its kind and params alone (no DOM reads), so edges and hit boxes cost nothing to compute. */
export { NODE_WIDTH };
export const HEADER = NODE_HEADER;
export const ROW = PORT_ROW;

export interface NodeLayout {
  inputs: readonly InputPortSpec[];
  outputs: readonly OutputPortSpec[];
  /** The params the node shows, labelled ("Duration 8 s"). */
  params: readonly ParamLine[];
  /** The height while idle; what it shows after a run (a picture, an error) is measured (see createNodeSizes). */
  height: number;
}

export function layoutOf(node: GraphNode, registry: KindRegistry): NodeLayout {
  const def = registry.get(node.kind);
  const inputs = def ? inputPortsOf(def, node.params) : [];
  const outputs = def?.outputs ?? [];
  const params = def ? paramLines(def.paramInfo, node.params) : [];
  return { inputs, outputs, params, height: estimateNodeHeight(Math.max(inputs.length, outputs.length), params.length) };
}

export function inputAnchor(node: GraphNode, index: number) {
  return { x: node.position.x, y: node.position.y + portOffset(index) };
}

export function outputAnchor(node: GraphNode, index: number) {
  return { x: node.position.x + NODE_WIDTH, y: node.position.y + portOffset(index) };
}

/** A horizontal S-curve between two anchors. */
export function edgePath(a: { x: number; y: number }, b: { x: number; y: number }): string {
  const dx = Math.max(40, Math.abs(b.x - a.x) / 2);
  return `M ${a.x} ${a.y} C ${a.x + dx} ${a.y}, ${b.x - dx} ${b.y}, ${b.x} ${b.y}`;
}

export const PORT_COLORS: Record<string, string> = {
  image: '#5fb3ff',
  video: '#f5b94a',
  audio: '#5fd38d',
  text: '#c8ccd6',
  faces: '#ff8fb1',
  character: '#ff6b9a',
  beats: '#7be0c3',
  composition: '#b28cff',
  render: '#ffa36b',
};
