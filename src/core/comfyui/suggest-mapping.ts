import type { ApiWorkflow, InputMapping, InputTarget, WorkflowInput } from './comfy-workflow';

const isLink = (v: unknown) => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'number';
const byId = (a: string, b: string) => (Number(a) - Number(b)) || a.localeCompare(b);

/** A node input that can take a value (a constant, not a link), labelled for the mapping form. */
export interface MappableInput extends InputTarget {
  label: string;
}

/** Every constant input of a workflow, in node order: what the mapping form offers. */
export function mappableInputsOf(workflow: ApiWorkflow): MappableInput[] {
  return Object.keys(workflow)
    .sort(byId)
    .flatMap((node) => {
      const n = workflow[node]!;
      const name = n._meta?.title || n.class_type;
      return Object.entries(n.inputs)
        .filter(([, v]) => !isLink(v))
        .map(([input]) => ({ node, input, label: `${name} #${node} · ${input}` }));
    });
}

/**
 * A first mapping for an imported workflow, from ComfyUI's stock node types: the first text
 * encoder's text is the prompt and the second the negative, the sampler's seed, the empty
 * latent's size and length, LoadImage's image, the diffusion model's file. The person corrects it
 * in the form.
 */
export function suggestMapping(workflow: ApiWorkflow): InputMapping {
  const mapping: InputMapping = {};
  const put = (name: WorkflowInput, node: string, input: string) => {
    if (!mapping[name] && input in workflow[node]!.inputs && !isLink(workflow[node]!.inputs[input])) mapping[name] = [{ node, input }];
  };
  const ids = Object.keys(workflow).sort(byId);
  const texts = ids.filter((id) => /^CLIPTextEncode/.test(workflow[id]!.class_type) && 'text' in workflow[id]!.inputs && !isLink(workflow[id]!.inputs.text));
  // A title with "negative" wins over order.
  const negative = texts.find((id) => /negative/i.test(workflow[id]!._meta?.title ?? '')) ?? texts[1];
  const positive = texts.find((id) => id !== negative);
  if (positive) put('prompt', positive, 'text');
  if (negative) put('negative', negative, 'text');
  for (const id of ids) {
    const { class_type: type, inputs } = workflow[id]!;
    if (/Sampler/.test(type)) put('seed', id, 'seed' in inputs ? 'seed' : 'noise_seed');
    if (/^Empty.*Latent/.test(type) || type === 'WanImageToVideo') {
      put('width', id, 'width');
      put('height', id, 'height');
      put('frames', id, 'length' in inputs ? 'length' : 'video_frames');
    }
    if (type === 'LoadImage') put('inputImage', id, 'image');
    if (type === 'CreateVideo' || type === 'SaveWEBM' || type === 'SaveAnimatedWEBP') put('fps', id, 'fps');
    if (type === 'UNETLoader') put('model', id, 'unet_name');
    if (type === 'CheckpointLoaderSimple') put('model', id, 'ckpt_name');
  }
  return mapping;
}

/** What an imported workflow makes, from its nodes: image→video with a LoadImage, a still with only SaveImage, else text→video. */
export function guessWorkflowMode(workflow: ApiWorkflow): 'text_to_image' | 'image_to_video' | 'text_to_video' {
  const types = new Set(Object.values(workflow).map((n) => n.class_type));
  if (types.has('LoadImage')) return 'image_to_video';
  if (types.has('SaveImage') && ![...types].some((t) => /Video|WEBM|Animated/.test(t))) return 'text_to_image';
  return 'text_to_video';
}
