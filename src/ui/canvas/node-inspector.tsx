import { Show } from 'solid-js';
import { toJSONSchema } from 'zod';
import type { DeclaredProp } from '../../core/graph/composition-props';
import type { GraphNode } from '../../core/graph/graph-types';
import type { KindRegistry } from '../../core/graph/kind-registry';
import { fieldLabel, optionLabel } from '../../core/graph/param-info';
import type { NodeView } from '../../app/graph/create-graph-runner';
import { PropsEditor, type JsonSchema } from '../preview/props-editor';
import { ComfyWorkflowPanel } from './comfy-workflow-panel';
import { CompositionPropsEditor } from './composition-props-editor';
import { TakesPanel } from './takes-panel';

/**
 * The selected node's settings: its file (Image, Audio), state, params as a form from its schema
 * (labels and units for people), a ComfyUI node's workflow, a Composition's props, and its takes.
 */
export function NodeInspector(props: {
  node: GraphNode;
  projectId: string;
  registry: KindRegistry;
  view: NodeView | undefined;
  /** The node's cache key now: which take is showing. */
  currentKey: string | undefined;
  onParams: (values: Record<string, unknown>) => void;
  onUpload: (file: File | undefined) => void;
  onRun: () => void;
  onPick: (takeId: string, number: number) => void;
  onNewTake: () => void;
}) {
  const def = () => props.registry.get(props.node.kind);
  const schema = () => {
    try {
      const json = toJSONSchema(def()!.params, { unrepresentable: 'any', io: 'input' }) as { properties?: Record<string, unknown> };
      // A Composition's wired props get their own editor below; what the app sets (an upload's id) gets none.
      if (props.node.kind === 'composition' && json.properties) delete json.properties.props;
      // The ComfyUI node's workflow has its own picker (presets and the project's imports) below.
      if (props.node.kind === 'comfyui' && json.properties) delete json.properties.workflow;
      for (const [key, info] of Object.entries(def()!.paramInfo)) if (info.internal) delete json.properties?.[key];
      return json as JsonSchema;
    } catch {
      return null;
    }
  };
  return (
    <aside class="inspector" aria-label="Node settings">
      <h3>{def()?.title ?? props.node.kind}</h3>
      <p class="hint">{def()?.description}</p>
      <Show when={props.node.kind === 'image' || props.node.kind === 'audio'}>
        <label class="field">
          <span>{props.node.kind === 'image' ? 'Image file' : 'Audio file'}</span>
          <input
            type="file"
            aria-label={`Choose ${props.node.kind} file`}
            accept={props.node.kind === 'image' ? 'image/png,image/jpeg,image/webp' : 'audio/*'}
            onChange={(e) => props.onUpload(e.currentTarget.files?.[0])}
          />
        </label>
      </Show>
      <p class="hint" data-testid="node-state">
        {props.view?.state ?? 'idle'} {props.view?.message ?? ''}
      </p>
      <button class="button small primary" onClick={() => props.onRun()}>
        Run this node
      </button>
      <PropsEditor
        schema={schema()}
        values={props.node.params}
        onChange={props.onParams}
        label={`${def()?.title ?? props.node.kind} settings`}
        fieldLabel={(key) => (def()?.paramInfo[key] ? fieldLabel(def()!.paramInfo[key]!) : key)}
        optionLabel={(key, value) => optionLabel(def()?.paramInfo[key], value)}
        empty={null}
      />
      <Show when={props.node.kind === 'comfyui'}>
        <ComfyWorkflowPanel projectId={props.projectId} value={String(props.node.params.workflow ?? '')} onChange={(workflow) => props.onParams({ ...props.node.params, workflow })} />
      </Show>
      <Show when={props.node.kind === 'composition'}>
        <CompositionPropsEditor value={(props.node.params.props as DeclaredProp[] | undefined) ?? []} onChange={(declared) => props.onParams({ ...props.node.params, props: declared })} />
      </Show>
      <Show when={props.node.id} keyed>
        {(nodeId) => (
          <TakesPanel
            projectId={props.projectId}
            nodeId={nodeId}
            currentKey={props.currentKey}
            currentParams={props.node.params}
            canReseed={Boolean(def()?.seedParam)}
            onPick={(take, number) => props.onPick(take.id, number)}
            onNewTake={props.onNewTake}
          />
        )}
      </Show>
    </aside>
  );
}
