import { z } from 'zod';
import { BEAT_LEVELS } from '../../audio/beat-level';
import { defineKind } from '../node-kind';

const seed = z.number().int().min(0).max(4_294_967_295).optional();
const seedInfo = { label: 'Seed' } as const;

export const ENHANCE_PRESETS = ['cinematic', 'product', 'anime', 'documentary', 'noir', 'vintage', 'none'] as const;

export const enhanceKind = defineKind({
  kind: 'enhance',
  title: 'Enhance',
  description: 'Rewrites a prompt for the target video model in a chosen style.',
  version: 1,
  provider: 'gemini',
  params: z.object({
    preset: z.enum(ENHANCE_PRESETS).default('cinematic'),
    target: z.enum(['veo', 'runway']).default('veo'),
    instructions: z.string().max(2000).default(''),
    seed,
  }),
  paramInfo: {
    preset: {
      label: 'Style preset',
      onNode: true,
      options: { cinematic: 'Cinematic', product: 'Product', anime: 'Anime', documentary: 'Documentary', noir: 'Noir', vintage: 'Vintage', none: 'None (plain rewrite)' },
    },
    target: { label: 'Written for', onNode: true, options: { veo: 'Veo', runway: 'Runway' } },
    instructions: { label: 'Extra instructions' },
    seed: seedInfo,
  },
  inputs: [
    { name: 'prompt', label: 'Prompt', accepts: ['text'], required: true },
    { name: 'image', label: 'Image', accepts: ['image'] },
  ],
  outputs: [{ name: 'text', label: 'Enhanced prompt', type: 'text' }],
  seedParam: 'seed',
});

export const faceAnalysisKind = defineKind({
  kind: 'face-analysis',
  title: 'Face analysis',
  description: 'Finds faces in an image and computes their embeddings (vision worker).',
  version: 1,
  provider: 'local',
  params: z.object({
    maxFaces: z.number().int().min(1).max(20).default(5),
    minConfidence: z.number().min(0).max(1).default(0.6),
  }),
  paramInfo: {
    maxFaces: { label: 'Most faces', onNode: true },
    minConfidence: { label: 'Minimum confidence', onNode: true },
  },
  inputs: [{ name: 'image', label: 'Image', accepts: ['image'], required: true }],
  outputs: [{ name: 'faces', label: 'Faces', type: 'faces' }],
});

export const characterKind = defineKind({
  kind: 'character',
  title: 'Character',
  description: 'Named reference photos; feeds Veo reference images and consistency checks.',
  version: 1,
  provider: 'local',
  params: z.object({
    name: z.string().trim().min(1).max(80).default('Character'),
    description: z.string().max(2000).default(''),
  }),
  paramInfo: {
    name: { label: 'Name', onNode: true },
    description: { label: 'Description' },
  },
  inputs: [
    { name: 'photos', label: 'Photos', accepts: ['image'], multiple: true, max: 8, required: true },
    { name: 'faces', label: 'Faces', accepts: ['faces'], multiple: true, max: 8 },
  ],
  outputs: [{ name: 'character', label: 'Character', type: 'character' }],
});

export const beatsKind = defineKind({
  kind: 'beats',
  title: 'Beats',
  description: 'Tempo, beats and downbeats of an audio track (audio worker).',
  version: 1,
  provider: 'local',
  params: z
    .object({
      minBpm: z.number().min(30).max(300).default(60),
      maxBpm: z.number().min(30).max(300).default(200),
      downbeats: z.boolean().default(true),
      // The tracker picks one metrical level; a person may feel the song twice as fast or slow.
      level: z.enum(BEAT_LEVELS).default('detected'),
    })
    .refine((p) => p.minBpm < p.maxBpm, { message: 'minBpm must be below maxBpm', path: ['minBpm'] }),
  paramInfo: {
    minBpm: { label: 'Slowest tempo', unit: 'BPM', onNode: true },
    maxBpm: { label: 'Fastest tempo', unit: 'BPM', onNode: true },
    downbeats: { label: 'Find downbeats' },
    level: { label: 'Beat level', onNode: true, options: { detected: 'As detected', double: 'Double time', half: 'Half time' } },
  },
  inputs: [{ name: 'audio', label: 'Audio', accepts: ['audio'], required: true }],
  outputs: [{ name: 'beats', label: 'Beats', type: 'beats' }],
});
