import { err, ok, type Result } from '../util/result';

/**
 * A ComfyUI workflow in API format (what "Save (API)" writes and `POST /prompt` takes): node id →
 * its class and inputs. An input is a constant or a link `[fromNodeId, outputIndex]`.
 */
export type ApiWorkflow = Record<string, { class_type: string; inputs: Record<string, unknown>; _meta?: { title?: string } }>;

/** The named inputs a workflow may expose; the runner fills them from the node's inputs and params. */
export const WORKFLOW_INPUTS = ['prompt', 'negative', 'seed', 'width', 'height', 'frames', 'fps', 'model', 'inputImage', 'referenceImage'] as const;
export type WorkflowInput = (typeof WORKFLOW_INPUTS)[number];

/** Where one named input goes: the node's id and the name of its input. */
export interface InputTarget {
  node: string;
  input: string;
}
/** Edited once in a form per workflow; an input may feed several nodes (one model file, two loaders). */
export type InputMapping = Partial<Record<WorkflowInput, InputTarget[]>>;

export type WorkflowValues = Partial<Record<WorkflowInput, string | number>>;

const isLink = (v: unknown) => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'number';

/**
 * Reads an imported file as an API-format workflow. The UI format ("Save") is refused with the
 * sentence that says which button makes the right one.
 */
export function parseApiWorkflow(text: string): Result<ApiWorkflow, 'not_json' | 'ui_format' | 'not_workflow'> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return err('not_json', 'This file is not JSON; export the workflow from ComfyUI with "Save (API)".');
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return err('not_workflow', 'This file is not a ComfyUI workflow (expected an object of nodes).');
  if ('nodes' in data && 'links' in data)
    return err('ui_format', 'This is a ComfyUI workflow in the editor format; open it in ComfyUI and export it with "Save (API)" (enable dev mode options in older versions).');
  const out: ApiWorkflow = {};
  for (const [id, node] of Object.entries(data as Record<string, unknown>)) {
    const n = node as { class_type?: unknown; inputs?: unknown; _meta?: { title?: unknown } };
    if (!n || typeof n !== 'object' || typeof n.class_type !== 'string' || !n.inputs || typeof n.inputs !== 'object' || Array.isArray(n.inputs))
      return err('not_workflow', `This is not an API-format ComfyUI workflow: node "${id}" has no class_type and inputs.`);
    out[id] = { class_type: n.class_type, inputs: { ...(n.inputs as Record<string, unknown>) }, ...(typeof n._meta?.title === 'string' ? { _meta: { title: n._meta.title } } : {}) };
  }
  if (!Object.keys(out).length) return err('not_workflow', 'This workflow has no nodes.');
  return ok(out);
}

/** What is wrong with a mapping for a workflow, one sentence each: a missing node, an input it lacks, a link it would cut. */
export function checkMapping(workflow: ApiWorkflow, mapping: InputMapping): string[] {
  const problems: string[] = [];
  for (const [name, targets] of Object.entries(mapping) as [WorkflowInput, InputTarget[]][]) {
    for (const t of targets) {
      const node = workflow[t.node];
      if (!node) problems.push(`"${name}" points at node ${t.node}, which this workflow does not have`);
      else if (!(t.input in node.inputs)) problems.push(`"${name}" points at ${node.class_type} (node ${t.node}), which has no input "${t.input}"`);
      else if (isLink(node.inputs[t.input])) problems.push(`"${name}" would replace a link into ${node.class_type} (node ${t.node}) input "${t.input}"`);
    }
  }
  return problems;
}

/**
 * The workflow with the values written into their mapped node inputs, as a new object (the
 * stored workflow stays as imported). Values the mapping does not place are ignored; a mapped
 * input left without a value keeps the workflow's own.
 */
export function applyInputs(workflow: ApiWorkflow, mapping: InputMapping, values: WorkflowValues): ApiWorkflow {
  const out: ApiWorkflow = Object.fromEntries(Object.entries(workflow).map(([id, n]) => [id, { ...n, inputs: { ...n.inputs } }]));
  for (const [name, targets] of Object.entries(mapping) as [WorkflowInput, InputTarget[]][]) {
    const value = values[name];
    if (value === undefined) continue;
    for (const t of targets) if (out[t.node]) out[t.node]!.inputs[t.input] = value;
  }
  return out;
}

/** The model files a workflow loads (constants of the loader inputs), so balancing can ask which server has them. */
export function modelFilesOf(workflow: ApiWorkflow): string[] {
  const files = new Set<string>();
  for (const node of Object.values(workflow))
    for (const [input, value] of Object.entries(node.inputs)) if (MODEL_INPUTS.has(input) && typeof value === 'string' && value) files.add(value);
  return [...files];
}

/** Input names ComfyUI's stock loaders take a model file by. */
export const MODEL_INPUTS: ReadonlySet<string> = new Set(['ckpt_name', 'unet_name', 'clip_name', 'vae_name', 'lora_name', 'clip_name1', 'clip_name2']);
