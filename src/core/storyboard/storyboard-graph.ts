import type { Graph, GraphEdge, GraphNode } from '../graph/graph-types';
import { shapeProblems } from '../contracts/video-start';
import { presetOf } from '../pricing/model-presets';
import { comfyPresetOf } from '../comfyui/comfy-presets';
import { CLIP_PROVIDERS, type ClipProvider, type Storyboard, type StoryboardCharacter, type StoryboardClip, type StyleTemplate } from './storyboard-types';

/**
 * The storyboard as an engine graph: each clip is a Prompt node feeding a Veo or Runway node,
 * characters are Image → Character nodes feeding Veo's reference images. The executor, its cache keys, persisted jobs, retries and takes then work for the
 * storyboard exactly as for the canvas: a clip whose inputs did not change is never paid twice.
 */

export const STORYBOARD_NODE_PREFIX = 'storyboard:';
export const clipNodeId = (clipId: string) => `${STORYBOARD_NODE_PREFIX}clip:${clipId}`;
export const clipIdOfNode = (nodeId: string) => (nodeId.startsWith(`${STORYBOARD_NODE_PREFIX}clip:`) ? nodeId.slice(`${STORYBOARD_NODE_PREFIX}clip:`.length).split(':')[0] : undefined);
export const characterNodeId = (characterId: string) => `${STORYBOARD_NODE_PREFIX}char:${characterId}`;
export const isStoryboardNode = (nodeId: string) => nodeId.startsWith(STORYBOARD_NODE_PREFIX);

/** The model each of the clip form's choices generates with (its row in the model presets). */
export const MODEL_OF_PROVIDER = { veo: 'veo-3.1-generate-preview', 'veo-fast': 'veo-3.1-fast-generate-preview', runway: 'gen4_turbo', comfyui: 'wan2.1-t2v-1.3b' } as const satisfies Record<ClipProvider, string>;
/** A ComfyUI clip with a first frame runs the image→video preset on its model. */
const COMFY_IMAGE_TO_VIDEO = comfyPresetOf('preset:image-to-video')!;
const COMFY_TEXT_TO_VIDEO = comfyPresetOf('preset:text-to-video')!;

/** Veo's own modes (reference images, extend, first+last frame) are for Veo clips only. */
export const isVeoClip = (clip: Pick<StoryboardClip, 'provider'>) => clip.provider === 'veo' || clip.provider === 'veo-fast';
/** The seconds each choice can make, read from the model presets (Veo 4, 6 or 8 s; Runway 5 or 10). */
export const DURATIONS_OF_PROVIDER = Object.fromEntries(CLIP_PROVIDERS.map((p) => [p, presetOf(MODEL_OF_PROVIDER[p])!.durations])) as Record<ClipProvider, readonly number[]>;
/** The clip form's model list: each choice with the label from the model presets. */
export const CLIP_MODEL_CHOICES = CLIP_PROVIDERS.map((p) => ({ value: p, model: MODEL_OF_PROVIDER[p], label: presetOf(MODEL_OF_PROVIDER[p])!.label }));
/** Veo takes at most three reference images. */
const MAX_REFERENCES = 3;

/** The text sent to the model: the style's prefix, the shot, the person's prompt, the style's suffix. */
export function composePrompt(clip: StoryboardClip, style?: StyleTemplate, characters: readonly StoryboardCharacter[] = []): string {
  const shot = `${capitalise(clip.shotType)} shot${clip.cameraMove === 'static' ? '' : `, ${clip.cameraMove}`}.`;
  const cast = characters.filter((c) => clip.characterIds.includes(c.id) && c.description.trim()).map((c) => `${c.name}: ${c.description.trim()}`);
  return [style?.prefix.trim(), shot, clip.prompt.trim(), cast.length ? `(${cast.join('; ')})` : '', style?.suffix.trim()].filter(Boolean).join(' ');
}

/** Veo makes the clip from its characters' reference photos: not Runway, not from a first frame. */
export const usesReferenceImages = (clip: StoryboardClip, characters: readonly StoryboardCharacter[]) =>
  isVeoClip(clip) && !clip.firstFrameAssetId && clip.characterIds.some((id) => characters.find((c) => c.id === id)?.photoAssetIds.length);

/** A clip continues the one before it (Veo extend) when asked to and there is one; Runway cannot. */
export const continues = (clip: StoryboardClip, before: StoryboardClip | undefined) => Boolean(clip.continuesPrevious && before && isVeoClip(clip));

/** The duration the provider will generate: the nearest it offers, 8 s when Veo uses references or extends. */
export function generatedSeconds(clip: StoryboardClip, usesReferences: boolean): number {
  if (isVeoClip(clip) && (usesReferences || clip.continuesPrevious)) return 8;
  const options: readonly number[] = DURATIONS_OF_PROVIDER[clip.provider];
  return options.reduce((best, d) => (Math.abs(d - clip.generateSeconds) < Math.abs(best - clip.generateSeconds) ? d : best), options[options.length - 1]!);
}

/** The resolution the clip is made at: its own when its model makes that size at that length (Veo: 1080p and 4k only at 8 s), else 720p. */
export function generatedResolution(clip: StoryboardClip, seconds: number): StoryboardClip['resolution'] {
  if (!isVeoClip(clip) || clip.resolution === '720p') return '720p';
  const preset = presetOf(MODEL_OF_PROVIDER[clip.provider])!;
  return shapeProblems(preset, { durationSeconds: seconds, resolution: clip.resolution }).length ? '720p' : clip.resolution;
}

/** The sizes the clip's model makes, each with the one length it needs when it has one. */
export function resolutionChoices(clip: StoryboardClip): { value: StoryboardClip['resolution']; label: string }[] {
  const preset = presetOf(MODEL_OF_PROVIDER[clip.provider])!;
  const longest = preset.durations.at(-1);
  return (preset.resolutions.filter((r) => r === '720p' || r === '1080p' || r === '4k') as StoryboardClip['resolution'][]).map((r) => ({
    value: r,
    label: preset.longestOnly?.resolutions.includes(r) ? `${r} (${longest} s only)` : r,
  }));
}

export function storyboardGraph(board: Storyboard): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const edge = (from: string, fromPort: string, to: string, toPort: string) => edges.push({ id: `${from}>${to}:${toPort}`, from, fromPort, to, toPort });
  const place = (col: number, row: number) => ({ x: col * 360, y: row * 240 });

  const charactersWithPhotos = new Map<string, StoryboardCharacter>();
  board.characters.forEach((character, row) => {
    if (!character.photoAssetIds.length) return;
    charactersWithPhotos.set(character.id, character);
    const id = characterNodeId(character.id);
    character.photoAssetIds.slice(0, 8).forEach((assetId, i) => {
      const photo = `${id}:photo:${i}`;
      nodes.push({ id: photo, kind: 'image', params: { assetId }, position: place(0, row) });
      edge(photo, 'image', id, 'photos');
    });
    nodes.push({ id, kind: 'character', params: { name: character.name.trim() || 'Character', description: character.description }, position: place(1, row), label: character.name });
  });

  const styles = new Map(board.styles.map((s) => [s.id, s]));
  let previous: StoryboardClip | undefined;
  board.scenes.forEach((scene) =>
    scene.clips.forEach((clip, i) => {
      const before = previous;
      previous = clip;
      const id = clipNodeId(clip.id);
      const style = clip.styleId ? styles.get(clip.styleId) : undefined;
      const references = clip.characterIds.filter((c) => charactersWithPhotos.has(c)).slice(0, MAX_REFERENCES);
      const row = nodes.length;
      nodes.push({ id: `${id}:prompt`, kind: 'prompt', params: { text: composePrompt(clip, style, board.characters) }, position: place(2, row) });
      edge(`${id}:prompt`, 'text', id, 'prompt');
      const extending = continues(clip, before);
      if (clip.firstFrameAssetId && !extending) {
        nodes.push({ id: `${id}:first`, kind: 'image', params: { assetId: clip.firstFrameAssetId }, position: place(2, row + 1) });
        edge(`${id}:first`, 'image', id, 'image');
      }
      const negativePrompt = [style?.negativePrompt.trim(), clip.negativePrompt.trim()].filter(Boolean).join(', ');
      const seed = clip.seed === undefined ? {} : { seed: clip.seed };
      const label = `${scene.title} · clip ${i + 1}`;
      if (extending) {
        nodes.push({ id, kind: 'extend', label, position: place(3, row), params: { negativePrompt, ...seed } });
        edge(clipNodeId(before!.id), 'video', id, 'video');
        return;
      }
      if (clip.provider === 'runway') {
        nodes.push({ id, kind: 'runway-video', label, position: place(3, row), params: { model: MODEL_OF_PROVIDER.runway, ratio: presetOf(MODEL_OF_PROVIDER.runway)!.frameSizes![clip.aspectRatio]!, durationSeconds: generatedSeconds(clip, false), ...seed } });
        return;
      }
      if (clip.provider === 'comfyui') {
        const preset = clip.firstFrameAssetId ? COMFY_IMAGE_TO_VIDEO : COMFY_TEXT_TO_VIDEO;
        nodes.push({ id, kind: 'comfyui', label, position: place(3, row), params: { workflow: preset.id, model: preset.model, aspectRatio: clip.aspectRatio, durationSeconds: generatedSeconds(clip, false), negativePrompt, ...seed } });
        return;
      }
      const usesReferences = usesReferenceImages(clip, board.characters);
      const mode = clip.firstFrameAssetId ? (clip.lastFrameAssetId ? 'first_last_frame' : 'image_to_video') : usesReferences ? 'reference_images' : 'text_to_video';
      if (mode === 'first_last_frame') {
        nodes.push({ id: `${id}:last`, kind: 'image', params: { assetId: clip.lastFrameAssetId }, position: place(2, row + 2) });
        edge(`${id}:last`, 'image', id, 'lastFrame');
      }
      const durationSeconds = generatedSeconds(clip, usesReferences);
      nodes.push({
        id,
        kind: 'veo-video',
        label,
        position: place(3, row),
        params: { mode, model: MODEL_OF_PROVIDER[clip.provider], aspectRatio: clip.aspectRatio, durationSeconds, resolution: generatedResolution(clip, durationSeconds), negativePrompt, ...seed },
      });
      if (usesReferences) for (const c of references) edge(characterNodeId(c), 'character', id, 'references');
    }),
  );

  return { nodes, edges, groups: [] };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
