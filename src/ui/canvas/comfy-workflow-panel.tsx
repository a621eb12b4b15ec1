import { createResource, createSignal, For, Show } from 'solid-js';
import { COMFY_WORKFLOW_PRESETS } from '../../core/comfyui/comfy-presets';
import { mappableInputsOf } from '../../core/comfyui/suggest-mapping';
import { WORKFLOW_INPUTS, type InputMapping, type WorkflowInput } from '../../core/comfyui/comfy-workflow';
import { importComfyWorkflow, listComfyWorkflows, saveComfyMapping, type ComfyWorkflowRecord } from '../../db/comfy-workflows-repo';
import { db } from '../../app/db';
import { showToast } from '../shell/toasts';

const INPUT_LABELS: Record<WorkflowInput, string> = {
  prompt: 'Prompt',
  negative: 'Negative',
  seed: 'Seed',
  width: 'Width',
  height: 'Height',
  frames: 'Frames',
  fps: 'Frame rate',
  model: 'Model file',
  inputImage: 'Input image',
  referenceImage: 'Reference image',
};

/**
 * The ComfyUI node's workflow: a shipped preset or one imported into the project ("Save (API)"
 * in ComfyUI), and for an imported one the form that maps its named inputs to node inputs.
 */
export function ComfyWorkflowPanel(props: { projectId: string; value: string; onChange: (workflowId: string) => void }) {
  const [imported, { refetch }] = createResource(() => listComfyWorkflows(db, props.projectId));
  const chosen = () => imported()?.find((w) => w.id === props.value);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const result = await importComfyWorkflow(db, props.projectId, file.name.replace(/\.json$/i, ''), await file.text());
    if (!result.ok) return showToast({ kind: 'error', message: result.message });
    await refetch();
    props.onChange(result.record.id);
  };

  return (
    <div class="comfy-workflow" aria-label="ComfyUI workflow">
      <label class="field">
        <span>Workflow</span>
        <select aria-label="Workflow" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
          <optgroup label="Shipped">
            <For each={COMFY_WORKFLOW_PRESETS}>{(p) => <option value={p.id}>{p.name}</option>}</For>
          </optgroup>
          <Show when={imported()?.length}>
            <optgroup label="In this project">
              <For each={imported()}>{(w) => <option value={w.id}>{w.name}</option>}</For>
            </optgroup>
          </Show>
        </select>
      </label>
      <label class="button small file-button">
        Import workflow (API JSON)
        <input type="file" accept="application/json,.json" aria-label="Import ComfyUI workflow" onChange={(e) => { void importFile(e.currentTarget.files?.[0]); e.currentTarget.value = ''; }} />
      </label>
      <Show when={chosen()} keyed>
        {(record) => <MappingForm record={record} onSaved={() => void refetch()} />}
      </Show>
    </div>
  );
}

function MappingForm(props: { record: ComfyWorkflowRecord; onSaved: () => void }) {
  const options = mappableInputsOf(props.record.workflow);
  const [mapping, setMapping] = createSignal<InputMapping>(structuredClone(props.record.mapping));
  const keyOf = (name: WorkflowInput) => {
    const t = mapping()[name]?.[0];
    return t ? `${t.node}\u0000${t.input}` : '';
  };
  const set = (name: WorkflowInput, key: string) => {
    const [node, input] = key.split('\u0000');
    setMapping((m) => {
      const next = { ...m };
      if (node && input) next[name] = [{ node, input }];
      else delete next[name];
      return next;
    });
  };
  const save = async () => {
    const result = await saveComfyMapping(db, props.record.id, mapping());
    if (!result.ok) return showToast({ kind: 'error', message: result.message });
    showToast({ kind: 'info', message: `Inputs of ${props.record.name} saved.` });
    props.onSaved();
  };
  return (
    <fieldset class="field comfy-mapping">
      <legend>Inputs of {props.record.name}</legend>
      <For each={WORKFLOW_INPUTS}>
        {(name) => (
          <label class="field">
            <span>{INPUT_LABELS[name]}</span>
            <select aria-label={`${INPUT_LABELS[name]} goes to`} value={keyOf(name)} onChange={(e) => set(name, e.currentTarget.value)}>
              <option value="">(not used)</option>
              <For each={options}>{(o) => <option value={`${o.node}\u0000${o.input}`}>{o.label}</option>}</For>
            </select>
          </label>
        )}
      </For>
      <button type="button" class="button small primary" onClick={() => void save()}>
        Save inputs
      </button>
    </fieldset>
  );
}
