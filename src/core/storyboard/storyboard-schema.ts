import { z } from 'zod';
import { CAMERA_MOVES, CLIP_PROVIDERS, SHOT_TYPES, STORYBOARD_LIMITS, emptyStoryboard, type Storyboard } from './storyboard-types';

/**
 * What a stored or imported storyboard must look like. Rows come from IndexedDB, backups and
 * share links written by any release (or by hand), so they are parsed, never trusted.
 */
const id = z.string().min(1).max(128);
const text = (max: number) => z.string().max(max);

const clip = z.object({
  id,
  prompt: text(STORYBOARD_LIMITS.maxPromptLength).default(''),
  shotType: z.enum(SHOT_TYPES).catch('medium'),
  cameraMove: z.enum(CAMERA_MOVES).catch('static'),
  provider: z.enum(CLIP_PROVIDERS).catch('veo'),
  generateSeconds: z.number().min(1).max(60).catch(8),
  cutSeconds: z.number().min(0.1).max(60).catch(4),
  aspectRatio: z.enum(['16:9', '9:16']).catch('16:9'),
  resolution: z.enum(['720p', '1080p', '4k']).catch('720p'),
  negativePrompt: text(2000).catch(''),
  seed: z.number().int().min(0).max(4_294_967_295).optional().catch(undefined),
  characterIds: z.array(id).max(16).catch([]),
  styleId: id.optional().catch(undefined),
  firstFrameAssetId: id.optional().catch(undefined),
  lastFrameAssetId: id.optional().catch(undefined),
  continuesPrevious: z.boolean().optional().catch(undefined),
  selectedTakeId: id.optional().catch(undefined),
  mediaAssetId: id.optional().catch(undefined),
  mediaName: text(300).optional().catch(undefined),
  sourceInSeconds: z.number().min(0).max(86_400).optional().catch(undefined),
});

const scene = z.object({
  id,
  title: text(200).catch('Scene'),
  notes: text(4000).catch(''),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional().catch(undefined),
  clips: z.array(clip).max(STORYBOARD_LIMITS.maxClips),
  narration: text(4000).optional().catch(undefined),
  onScreenText: text(200).optional().catch(undefined),
});

const storyboardSchema = z
  .object({
    version: z.literal(1),
    scenes: z.array(scene).max(STORYBOARD_LIMITS.maxScenes),
    characters: z.array(z.object({ id, name: text(80).catch('Character'), description: text(2000).catch(''), photoAssetIds: z.array(id).max(8).catch([]) })).max(50).catch([]),
    styles: z.array(z.object({ id, name: text(80).catch('Style'), prefix: text(1000).catch(''), suffix: text(1000).catch(''), negativePrompt: text(1000).catch('') })).max(50).catch([]),
    music: z.object({ assetId: id, name: text(300) }).optional().catch(undefined),
    snapTo: z.enum(['beat', 'downbeat']).catch('beat'),
    spendingCapUsd: z.number().min(0).max(1_000_000).optional().catch(undefined),
  })
  .refine((b) => b.scenes.reduce((n, s) => n + s.clips.length, 0) <= STORYBOARD_LIMITS.maxClips, `a storyboard has at most ${STORYBOARD_LIMITS.maxClips} clips`);

/** A valid storyboard, or an empty one with the reason it could not be read. */
export function parseStoryboard(raw: unknown): { board: Storyboard; problem?: string } {
  if (raw === undefined || raw === null) return { board: emptyStoryboard() };
  const parsed = storyboardSchema.safeParse(raw);
  if (parsed.success) return { board: parsed.data as Storyboard };
  const issue = parsed.error.issues[0];
  return { board: emptyStoryboard(), problem: `The stored storyboard could not be read (${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}).` };
}
