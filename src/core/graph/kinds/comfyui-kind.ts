import { z } from 'zod';
import { defineKind } from '../node-kind';
import { COMFY_WORKFLOW_PRESETS, comfyPresetOf } from '../../comfyui/comfy-presets';
import { presetOf, presetsOf } from '../../pricing/model-presets';

const COMFY_MODELS = presetsOf('comfyui');
const defaultWorkflow = COMFY_WORKFLOW_PRESETS.find((p) => p.mode === 'text_to_video')!;

/**
 * A generation on the person's own ComfyUI servers: a workflow (a shipped preset or one imported
 * into the project) with its named inputs filled from this node; the job goes to the healthy
 * server with the model and the shortest queue. Free per second: the GPU is theirs.
 */
export const comfyuiKind = defineKind({
  kind: 'comfyui',
  title: 'ComfyUI',
  description: 'Runs a ComfyUI workflow (text→video, image→video, text→image) on your own servers, balanced across them.',
  version: 1,
  provider: 'comfyui',
  params: z
    .object({
      /** `preset:…` for a shipped workflow, else the id of one imported into the project. */
      workflow: z.string().min(1).max(200).default(defaultWorkflow.id),
      model: z.enum(COMFY_MODELS.map((m) => m.id) as [string, ...string[]]).default(defaultWorkflow.model),
      /** Overrides the model row's file name, for a server that names it differently. */
      modelFile: z.string().max(300).default(''),
      aspectRatio: z.enum(['16:9', '9:16', '1:1']).default('16:9'),
      durationSeconds: z.number().int().min(1).max(20).default(3),
      shortSide: z.union([z.literal(480), z.literal(512), z.literal(720), z.literal(1024)]).default(480),
      negativePrompt: z.string().max(2000).default(''),
      seed: z.number().int().min(0).max(4_294_967_295).optional(),
    })
    .superRefine((p, ctx) => {
      const row = presetOf(p.model)!;
      if (row.durations.length && !row.durations.includes(p.durationSeconds))
        ctx.addIssue({ code: 'custom', path: ['durationSeconds'], message: `${row.label} makes ${row.durations.join(', ')} s` });
    }),
  paramInfo: {
    workflow: { label: 'Workflow', options: Object.fromEntries(COMFY_WORKFLOW_PRESETS.map((p) => [p.id, p.name])) },
    model: { label: 'Model', options: Object.fromEntries(COMFY_MODELS.map((m) => [m.id, m.label])) },
    modelFile: { label: 'Model file (blank: the model’s usual name)' },
    aspectRatio: { label: 'Aspect ratio', onNode: true },
    durationSeconds: { label: 'Duration', unit: 's', onNode: true },
    shortSide: { label: 'Short side', unit: 'px' },
    negativePrompt: { label: 'Avoid (negative prompt)' },
    seed: { label: 'Seed' },
  },
  inputs: [
    { name: 'prompt', label: 'Prompt', accepts: ['text'] },
    { name: 'image', label: 'Input image', accepts: ['image'] },
  ],
  outputs: [
    { name: 'video', label: 'Video', type: 'video' },
    { name: 'image', label: 'Image', type: 'image' },
  ],
  checkRunnable: (p, connected) => {
    const preset = comfyPresetOf(p.workflow);
    if (preset?.mode === 'image_to_video' && !connected.has('image')) return 'ComfyUI: image→video needs an input image';
    if (preset && preset.mode !== 'image_to_video' && !connected.has('prompt')) return 'ComfyUI: connect a Prompt';
    return null;
  },
  seedParam: 'seed',
});
