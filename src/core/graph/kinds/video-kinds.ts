import { z } from 'zod';
import { defineKind } from '../node-kind';

const seed = z.number().int().min(0).max(4_294_967_295).optional();
const seedInfo = { label: 'Seed' } as const;
const negativePromptInfo = { label: 'Avoid (negative prompt)' } as const;

export const VEO_MODES = ['text_to_video', 'image_to_video', 'first_last_frame', 'reference_images'] as const;

/** Veo 3.1 limits: 1080p and reference images need an 8 s clip; at most 3 references. */
const veoParams = z
  .object({
    mode: z.enum(VEO_MODES).default('text_to_video'),
    model: z.enum(['veo-3.1-generate-preview', 'veo-3.1-fast-generate-preview']).default('veo-3.1-generate-preview'),
    aspectRatio: z.enum(['16:9', '9:16']).default('16:9'),
    durationSeconds: z.union([z.literal(4), z.literal(6), z.literal(8)]).default(8),
    resolution: z.enum(['720p', '1080p']).default('720p'),
    negativePrompt: z.string().max(2000).default(''),
    seed,
  })
  .superRefine((p, ctx) => {
    if (p.resolution === '1080p' && p.durationSeconds !== 8)
      ctx.addIssue({ code: 'custom', path: ['resolution'], message: '1080p needs an 8 s duration' });
    if (p.mode === 'reference_images' && p.durationSeconds !== 8)
      ctx.addIssue({ code: 'custom', path: ['durationSeconds'], message: 'reference images need an 8 s duration' });
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
    model: { label: 'Model', options: { 'veo-3.1-generate-preview': 'Veo 3.1', 'veo-3.1-fast-generate-preview': 'Veo 3.1 Fast' } },
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
    model: z.enum(['gen4_turbo']).default('gen4_turbo'),
    ratio: z.enum(['1280:720', '720:1280', '1104:832', '832:1104', '960:960', '1584:672']).default('1280:720'),
    durationSeconds: z.union([z.literal(5), z.literal(10)]).default(5),
    seed,
  }),
  paramInfo: {
    model: { label: 'Model', options: { gen4_turbo: 'Gen-4 Turbo' } },
    ratio: {
      label: 'Frame size',
      onNode: true,
      options: {
        '1280:720': '1280×720 (16:9)',
        '720:1280': '720×1280 (9:16)',
        '1104:832': '1104×832 (4:3)',
        '832:1104': '832×1104 (3:4)',
        '960:960': '960×960 (1:1)',
        '1584:672': '1584×672 (21:9)',
      },
    },
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
