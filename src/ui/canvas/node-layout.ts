import type { GraphNode } from '../../core/graph/graph-types';
import type { KindRegistry } from '../../core/graph/kind-registry';
import { inputPortsOf, type InputPortSpec, type OutputPortSpec } from '../../core/graph/node-kind';

/** Node geometry from its kind alone (no DOM reads), so edges and hit boxes cost nothing to compute. */
export const NODE_WIDTH = 220;
export const HEADER = 30;
export const ROW = 22;
export const BODY = 40;
/** Nodes that show a picture, a video, a player, face boxes or a waveform get room for it. */
const MEDIA_BODY = 130;
const PICTURED_OUTPUTS = new Set(['image', 'video', 'audio', 'faces', 'beats', 'composition', 'render']);

export interface NodeLayout {
  inputs: readonly InputPortSpec[];
  outputs: readonly OutputPortSpec[];
  height: number;
}

export function layoutOf(node: GraphNode, registry: KindRegistry): NodeLayout {
  const def = registry.get(node.kind);
  const inputs = def ? inputPortsOf(def, node.params) : [];
  const outputs = def?.outputs ?? [];
  const media = outputs.some((o) => PICTURED_OUTPUTS.has(o.type));
  return { inputs, outputs, height: HEADER + Math.max(inputs.length, outputs.length, 1) * ROW + (media ? MEDIA_BODY : BODY) };
}

export function inputAnchor(node: GraphNode, index: number) {
  return { x: node.position.x, y: node.position.y + HEADER + index * ROW + ROW / 2 };
}

export function outputAnchor(node: GraphNode, index: number) {
  return { x: node.position.x + NODE_WIDTH, y: node.position.y + HEADER + index * ROW + ROW / 2 };
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
