import { z } from 'zod';
import { defineKind } from '../node-kind';
import { modelIdsOf, presetOf, presetsOf, type ModelPreset } from '../../pricing/model-presets';
import { shapeProblems } from '../../contracts/video-start';

const seed = z.number().int().min(0).max(4_294_967_295).optional();
const seedInfo = { label: 'Seed' } as const;
const negativePromptInfo = { label: 'Avoid (negative prompt)' } as const;

export const VEO_MODES = ['text_to_video', 'image_to_video', 'first_last_frame', 'reference_images'] as const;

/** A choice among numbers, as literals so the inspector shows a select (one value is a literal alone). */
function numberChoice(values: readonly number[]) {
  const [first, second, ...rest] = values.map((v) => z.literal(v));
  if (!first) throw new Error('[video-kinds] a number choice needs at least one value');
  return second ? z.union([first, second, ...rest]) : first;
}
/** Every value a provider's models offer for one field, in table order, without repeats. */
const unionOf = <T>(rows: readonly ModelPreset[], field: (row: ModelPreset) => readonly T[]) => [...new Set(rows.flatMap(field))];
const labelsOf = (rows: readonly ModelPreset[]) => Object.fromEntries(rows.map((m) => [m.id, m.label]));

const VEO_MODELS = presetsOf('veo');
const veoDefault = VEO_MODELS[0]!;
const RUNWAY_MODELS = presetsOf('runway');
const runwayDefault = RUNWAY_MODELS[0]!;
/** Runway's frame sizes in pixels, each with its aspect ratio, once each. */
const RUNWAY_SIZES = [...new Map(RUNWAY_MODELS.flatMap((m) => m.aspects.map((a) => [m.frameSizes![a]!, a] as const))).entries()];

/** Veo 3.1: models, sizes, lengths and what needs the longest length come from the model presets (as the edge's start contract does). */
const veoParams = z
  .object({
    mode: z.enum(VEO_MODES).default('text_to_video'),
    model: z.enum(modelIdsOf('veo')).default(veoDefault.id),
    aspectRatio: z.enum(unionOf(VEO_MODELS, (m) => m.aspects) as [string, ...string[]]).default(veoDefault.aspects[0]!),
    durationSeconds: numberChoice(unionOf(VEO_MODELS, (m) => m.durations).sort((a, b) => a - b)).default(veoDefault.durations.at(-1)!),
    resolution: z.enum(unionOf(VEO_MODELS, (m) => m.resolutions) as [string, ...string[]]).default(veoDefault.resolutions[0]!),
    negativePrompt: z.string().max(2000).default(''),
    seed,
  })
  .superRefine((p, ctx) => {
    // The model's row decides: its lengths, and what it makes only at its longest length.
    const preset = presetOf(p.model);
    if (!preset) return;
    for (const problem of shapeProblems(preset, { ...p, usesReferences: p.mode === 'reference_images' })) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });

/** Which inputs each Veo mode needs, so the message says what to wire. */
const VEO_MODE_NEEDS: Record<(typeof VEO_MODES)[number], { ports: string[]; label: string }> = {
  text_to_video: { ports: ['prompt'], label: 'text→video needs a prompt' },
  image_to_video: { ports: ['image'], label: 'image→video needs a first frame image' },
  first_last_frame: { ports: ['image', 'lastFrame'], label: 'first+last frame needs a first and a last frame image' },
  reference_images: { ports: ['prompt', 'references'], label: 'reference images need a prompt and at least one Character' },
};

export const veoVideoKind = defineKind({
  kind: 'veo-video',
  title: 'Veo video',
  description: 'Generates a clip with Google Veo: text→video, image→video, first+last frame or reference images.',
  version: 1,
  provider: 'veo',
  params: veoParams,
  paramInfo: {
    mode: {
      label: 'Mode',
      onNode: true,
      options: { text_to_video: 'Text → video', image_to_video: 'Image → video', first_last_frame: 'First + last frame', reference_images: 'Reference images' },
    },
    model: { label: 'Model', options: labelsOf(VEO_MODELS) },
    aspectRatio: { label: 'Aspect ratio', onNode: true, options: { '16:9': '16:9 landscape', '9:16': '9:16 portrait' } },
    durationSeconds: { label: 'Duration', unit: 's', onNode: true },
    resolution: { label: 'Resolution', onNode: true },
    negativePrompt: negativePromptInfo,
    seed: seedInfo,
  },
  inputs: [
    { name: 'prompt', label: 'Prompt', accepts: ['text'] },
    { name: 'image', label: 'First frame', accepts: ['image'] },
    { name: 'lastFrame', label: 'Last frame', accepts: ['image'] },
    { name: 'references', label: 'References', accepts: ['character'], multiple: true, max: 3 },
  ],
  outputs: [{ name: 'video', label: 'Video', type: 'video' }],
  checkRunnable: (p, connected) => {
    const needs = VEO_MODE_NEEDS[p.mode];
    return needs.ports.every((port) => connected.has(port)) ? null : `Veo video: ${needs.label}`;
  },
  seedParam: 'seed',
});

const SORA_MODELS = presetsOf('openai');
const soraDefault = SORA_MODELS[0]!;

/** OpenAI Sora through the edge: text→video, or from a first frame; models and lengths from the model presets. */
export const soraVideoKind = defineKind({
  kind: 'sora-video',
  title: 'Sora video',
  description: 'Generates a clip with OpenAI Sora (through the edge, which holds the key): text→video or from a first frame.',
  version: 1,
  provider: 'openai',
  params: z.object({
    model: z.enum(modelIdsOf('openai')).default(soraDefault.id),
    aspectRatio: z.enum(unionOf(SORA_MODELS, (m) => m.aspects) as [string, ...string[]]).default(soraDefault.aspects[0]!),
    durationSeconds: numberChoice(unionOf(SORA_MODELS, (m) => m.durations).sort((a, b) => a - b)).default(soraDefault.durations[0]!),
  }),
  paramInfo: {
    model: { label: 'Model', options: labelsOf(SORA_MODELS) },
    aspectRatio: { label: 'Aspect ratio', onNode: true, options: { '16:9': '16:9 landscape', '9:16': '9:16 portrait' } },
    durationSeconds: { label: 'Duration', unit: 's', onNode: true },
  },
  inputs: [
    { name: 'prompt', label: 'Prompt', accepts: ['text'], required: true },
    { name: 'image', label: 'First frame', accepts: ['image'] },
  ],
  outputs: [{ name: 'video', label: 'Video', type: 'video' }],
});

export const extendKind = defineKind({
  kind: 'extend',
  title: 'Extend',
  description: 'Continues a video from its last part with Veo; the last frame is extracted locally.',
  version: 1,
  provider: 'veo',
  params: z.object({ negativePrompt: z.string().max(2000).default(''), seed }),
  paramInfo: { negativePrompt: negativePromptInfo, seed: seedInfo },
  inputs: [
    { name: 'video', label: 'Video', accepts: ['video'], required: true },
    { name: 'prompt', label: 'Prompt', accepts: ['text'] },
  ],
  outputs: [{ name: 'video', label: 'Video', type: 'video' }],
  seedParam: 'seed',
});

export const runwayVideoKind = defineKind({
  kind: 'runway-video',
  title: 'Runway video',
  description: 'Generates a clip from an image (and a prompt) with Runway, the second provider.',
  version: 1,
  provider: 'runway',
  params: z.object({
    model: z.enum(modelIdsOf('runway')).default(runwayDefault.id),
    ratio: z.enum(RUNWAY_SIZES.map(([size]) => size) as [string, ...string[]]).default(RUNWAY_SIZES[0]![0]),
    durationSeconds: numberChoice(unionOf(RUNWAY_MODELS, (m) => m.durations).sort((a, b) => a - b)).default(runwayDefault.durations.includes(5) ? 5 : runwayDefault.durations[0]!),
    seed,
  }),
  paramInfo: {
    model: { label: 'Model', options: labelsOf(RUNWAY_MODELS) },
    ratio: { label: 'Frame size', onNode: true, options: Object.fromEntries(RUNWAY_SIZES.map(([size, aspect]) => [size, `${size.replace(':', '×')} (${aspect})`])) },
    durationSeconds: { label: 'Duration', unit: 's', onNode: true },
    seed: seedInfo,
  },
  inputs: [
    { name: 'image', label: 'Image', accepts: ['image'], required: true },
    { name: 'prompt', label: 'Prompt', accepts: ['text'] },
  ],
  outputs: [{ name: 'video', label: 'Video', type: 'video' }],
  seedParam: 'seed',
});
