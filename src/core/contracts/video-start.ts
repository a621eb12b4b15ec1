import { z } from 'zod';
import { ASPECT_RATIOS, MODEL_PRESETS, presetOf, type ModelPreset } from '../pricing/model-presets';

// The body of a provider-neutral video start: the app builds it from a node's params, the edge
// checks it and turns it into Veo's, Runway's or OpenAI's request. Its choices come from the model
// table (the same rows the nodes' params are made of), so a length or size the table does not
// have is refused here with the model's own list, and drift between app and edge is a compile error.

/** The providers the edge starts video jobs for (ComfyUI is called from the browser directly). */
export const EDGE_VIDEO_PROVIDERS = ['veo', 'runway', 'openai'] as const;
export type EdgeVideoProvider = (typeof EDGE_VIDEO_PROVIDERS)[number];

const CLOUD_VIDEO_MODELS = MODEL_PRESETS.filter((m) => (EDGE_VIDEO_PROVIDERS as readonly string[]).includes(m.provider) && m.durations.length > 0);
const every = <T>(field: (m: ModelPreset) => readonly T[]) => [...new Set(CLOUD_VIDEO_MODELS.flatMap(field))];

/** Every resolution and length a cloud video model in the table makes. */
export const VIDEO_RESOLUTIONS = every((m) => m.resolutions) as [string, ...string[]];
export const VIDEO_DURATIONS = every((m) => m.durations).sort((a, b) => a - b);

const image = z.union([
  z.object({
    mimeType: z.enum(['image/png', 'image/jpeg', 'image/webp']),
    data: z.string().min(1).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  }),
  z.object({ uri: z.string().url().startsWith('https://', 'must be an https URL') }),
]);

/** Body of POST /api/video/:provider/jobs. */
export const videoStartRequest = z
  .object({
    model: z.string().min(1).max(128).optional(),
    prompt: z.string().trim().min(1, 'must not be empty').max(4000),
    firstFrame: image.optional(),
    lastFrame: image.optional(),
    referenceImages: z.array(image).max(3).optional(),
    aspectRatio: z.enum(ASPECT_RATIOS).default('16:9'),
    resolution: z.enum(VIDEO_RESOLUTIONS).default('720p'),
    durationSeconds: z
      .number()
      .int()
      .refine((s) => VIDEO_DURATIONS.includes(s), `must be one of ${VIDEO_DURATIONS.join(', ')} s`)
      .optional(),
    negativePrompt: z.string().max(2000).optional(),
    seed: z.number().int().min(0).max(4294967295).optional(),
    audio: z.boolean().optional(),
  })
  .strict()
  .refine((b) => !b.lastFrame || b.firstFrame, { message: 'a last frame needs a first frame', path: ['lastFrame'] })
  .refine((b) => !b.referenceImages?.length || (!b.firstFrame && !b.lastFrame), {
    message: 'reference images cannot be combined with first/last frames',
    path: ['referenceImages'],
  })
  .superRefine((b, ctx) => {
    // A model the table knows is held to its own row; one it does not (enabled at the edge only) is
    // left to the provider's adapter.
    if (b.model === undefined) return;
    for (const problem of modelProblems(b.model, b)) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });

/** What the app sends (defaults not yet applied). */
export type VideoStartBody = z.input<typeof videoStartRequest>;
/** What the edge works with after parsing; the adapters get it with the model filled in. */
export type VideoStartRequest = z.output<typeof videoStartRequest> & { model: string };
export type ImageInput = NonNullable<VideoStartRequest['firstFrame']>;

/**
 * Where a body asks `model` for what its row in the model table does not offer; none for a model
 * the table does not know. The edge calls it again once it has filled in its default model.
 */
export function modelProblems(model: string, b: Omit<VideoStartBody, 'prompt' | 'model'>): { field: string; message: string }[] {
  const preset = presetOf(model);
  if (!preset) return [];
  return [...shapeProblems(preset, { ...b, usesReferences: !!b.referenceImages?.length }), ...inputProblems(preset, b)];
}

/** What a model's row allows for one clip's length, size and shape (the nodes check their params with it too). */
export interface ClipShape {
  durationSeconds?: number | undefined;
  aspectRatio?: string | undefined;
  resolution?: string | undefined;
  usesReferences?: boolean;
}

/** Where a clip asks a model for a length, size or shape its row in the table does not offer. */
export function shapeProblems(preset: ModelPreset, clip: ClipShape): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const { durationSeconds: seconds, aspectRatio, resolution } = clip;
  if (seconds !== undefined && !preset.durations.includes(seconds))
    problems.push({ field: 'durationSeconds', message: `${preset.label} makes ${preset.durations.join(', ')} s clips, not ${seconds} s` });
  if (aspectRatio !== undefined && !(preset.aspects as readonly string[]).includes(aspectRatio))
    problems.push({ field: 'aspectRatio', message: `${preset.label} makes ${preset.aspects.join(', ')}, not ${aspectRatio}` });
  if (resolution !== undefined && !preset.resolutions.includes(resolution))
    problems.push({ field: 'resolution', message: `${preset.label} makes ${preset.resolutions.join(', ')}, not ${resolution}` });
  const longest = preset.durations.at(-1);
  if (preset.longestOnly && seconds !== undefined && seconds !== longest) {
    if (resolution !== undefined && preset.longestOnly.resolutions.includes(resolution)) problems.push({ field: 'resolution', message: `${resolution} needs an ${longest} s duration` });
    if (clip.usesReferences && preset.longestOnly.modes.includes('reference_images')) problems.push({ field: 'durationSeconds', message: `reference images need an ${longest} s duration` });
  }
  return problems;
}

/** Where a body gives a model images its row says it does not take (or none where it needs one). */
function inputProblems(preset: ModelPreset, b: Pick<VideoStartBody, 'firstFrame' | 'lastFrame' | 'referenceImages'>): { field: string; message: string }[] {
  const has = (mode: ModelPreset['modes'][number]) => preset.modes.includes(mode);
  const problems: { field: string; message: string }[] = [];
  if (!b.firstFrame && !b.referenceImages?.length && !has('text_to_video')) problems.push({ field: 'firstFrame', message: `${preset.label} needs a first frame image` });
  if (b.firstFrame && !has('image_to_video') && !has('first_last_frame')) problems.push({ field: 'firstFrame', message: `${preset.label} takes no first frame` });
  if (b.lastFrame && !has('first_last_frame')) problems.push({ field: 'lastFrame', message: `${preset.label} takes no last frame` });
  if (b.referenceImages?.length && !has('reference_images')) problems.push({ field: 'referenceImages', message: `${preset.label} takes no reference images` });
  return problems;
}
