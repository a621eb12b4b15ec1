import { For, Show, type JSX } from 'solid-js';
import './graph-node.css';
import type { GraphNode } from '../../core/graph/graph-types';
import { NodeError } from './node-error';
import { HEADER, NODE_WIDTH, PORT_COLORS, ROW, type NodeLayout } from './node-layout';

export interface NodeRunView {
  state: string;
  progress?: number;
  message?: string;
}

/**
 * One node on the canvas: header, typed ports, its params, then a body (picture, progress, error)
 * that sets the node's height. Placed with left/top, so many nodes share one paint layer.
 */
export function GraphNodeView(props: {
  node: GraphNode;
  layout: NodeLayout;
  title: string;
  ariaLabel: string;
  selected: boolean;
  state: NodeRunView | undefined;
  body?: JSX.Element;
  /** Called with the node's element, to measure it (see createNodeSizes). */
  measure?: (el: HTMLElement) => void;
  onDown: (e: PointerEvent) => void;
  onOutputDown: (e: PointerEvent, index: number) => void;
}) {
  const rows = () => Math.max(1, props.layout.inputs.length, props.layout.outputs.length);
  return (
    <div
      ref={(el) => props.measure?.(el)}
      class="graph-node"
      classList={{ selected: props.selected, [`state-${props.state?.state ?? 'idle'}`]: true }}
      data-node-id={props.node.id}
      data-testid="graph-node"
      aria-label={props.ariaLabel}
      style={{ left: `${props.node.position.x}px`, top: `${props.node.position.y}px`, width: `${NODE_WIDTH}px` }}
      onPointerDown={(e) => props.onDown(e)}
    >
      <div class="graph-node-header" style={{ height: `${HEADER}px` }}>
        <span class="graph-node-title">{props.title}</span>
        <Show when={props.state}>
          {(s) => (
            <span class={`node-badge ${s().state}`} title={s().message}>
              {s().state === 'running' && s().progress !== undefined ? `${Math.round(s().progress! * 100)}%` : s().state}
            </span>
          )}
        </Show>
      </div>
      <div class="graph-node-ports" style={{ height: `${rows() * ROW}px` }}>
        <For each={props.layout.inputs}>
          {(port, i) => (
            <div class="graph-port input" style={{ top: `${i() * ROW}px`, height: `${ROW}px` }} data-input-port={port.name} data-node={props.node.id} title={`${port.label}: accepts ${port.accepts.join(', ')}`}>
              <span class="port-dot" style={{ background: PORT_COLORS[port.accepts[0]!] }} />
              <span class="port-label">{port.label}</span>
            </div>
          )}
        </For>
        <For each={props.layout.outputs}>
          {(port, i) => (
            <div class="graph-port output" style={{ top: `${i() * ROW}px`, height: `${ROW}px` }} data-output-port={port.name} title={`${port.label}: ${port.type}`}>
              <span class="port-label">{port.label}</span>
              <span class="port-dot" style={{ background: PORT_COLORS[port.type] }} onPointerDown={(e) => props.onOutputDown(e, i())} data-testid={`out-${props.node.id}-${port.name}`} />
            </div>
          )}
        </For>
      </div>
      <Show when={props.layout.params.length}>
        <dl class="graph-node-params" data-testid="node-params">
          <For each={props.layout.params}>
            {(line) => (
              <div class="graph-node-param" data-param={line.key}>
                <dt>{line.label}</dt>
                <dd title={line.value}>{line.value}</dd>
              </div>
            )}
          </For>
        </dl>
      </Show>
      <div class="graph-node-body">
        {props.body ?? (
          <Show when={props.state?.state === 'error' && props.state.message}>
            {(message) => <NodeError message={message()} />}
          </Show>
        )}
      </div>
    </div>
  );
}
