import type { Storyboard, StoryboardClip, StoryboardScene } from './storyboard-types';

/**
 * Edits of a storyboard: each returns a new document (the old one is untouched, so undo keeps it)
 * or the same object when nothing changed. Unknown ids change nothing.
 */

export type ClipDefaults = Omit<StoryboardClip, 'id'>;

export const DEFAULT_CLIP: ClipDefaults = {
  prompt: '',
  shotType: 'medium',
  cameraMove: 'static',
  provider: 'veo',
  generateSeconds: 8,
  cutSeconds: 4,
  aspectRatio: '16:9',
  resolution: '720p',
  negativePrompt: '',
  characterIds: [],
};

export function addScene(board: Storyboard, scene: Pick<StoryboardScene, 'id'> & Partial<StoryboardScene>, index = board.scenes.length): Storyboard {
  const next: StoryboardScene = { title: `Scene ${board.scenes.length + 1}`, notes: '', clips: [], ...scene };
  const scenes = [...board.scenes];
  scenes.splice(clampIndex(index, scenes.length), 0, next);
  return { ...board, scenes };
}

export function updateScene(board: Storyboard, sceneId: string, patch: Partial<Omit<StoryboardScene, 'id' | 'clips'>>): Storyboard {
  return mapScenes(board, (s) => (s.id === sceneId ? { ...s, ...patch } : s));
}

export function removeScene(board: Storyboard, sceneId: string): Storyboard {
  const scenes = board.scenes.filter((s) => s.id !== sceneId);
  return scenes.length === board.scenes.length ? board : { ...board, scenes };
}

export function moveScene(board: Storyboard, sceneId: string, toIndex: number): Storyboard {
  const from = board.scenes.findIndex((s) => s.id === sceneId);
  if (from < 0) return board;
  const scenes = [...board.scenes];
  const [scene] = scenes.splice(from, 1);
  scenes.splice(clampIndex(toIndex, scenes.length), 0, scene!);
  return { ...board, scenes };
}

export function addClip(board: Storyboard, sceneId: string, clip: Pick<StoryboardClip, 'id'> & Partial<StoryboardClip>, index?: number): Storyboard {
  return mapScenes(board, (s) => {
    if (s.id !== sceneId) return s;
    const clips = [...s.clips];
    clips.splice(clampIndex(index ?? clips.length, clips.length), 0, { ...DEFAULT_CLIP, characterIds: [], ...clip });
    return { ...s, clips };
  });
}

export function updateClip(board: Storyboard, clipId: string, patch: Partial<Omit<StoryboardClip, 'id'>>): Storyboard {
  return mapClips(board, (c) => (c.id === clipId ? { ...c, ...patch } : c));
}

/** Applies `patch(clip)` to every clip in `clipIds` (one undo step for a multi-selection). */
export function updateClips(board: Storyboard, clipIds: ReadonlySet<string>, patch: (clip: StoryboardClip) => Partial<StoryboardClip>): Storyboard {
  return mapClips(board, (c) => (clipIds.has(c.id) ? { ...c, ...patch(c) } : c));
}

export function removeClips(board: Storyboard, clipIds: ReadonlySet<string>): Storyboard {
  let changed = false;
  const scenes = board.scenes.map((s) => {
    const clips = s.clips.filter((c) => !clipIds.has(c.id));
    if (clips.length === s.clips.length) return s;
    changed = true;
    return { ...s, clips };
  });
  return changed ? { ...board, scenes } : board;
}

/** Puts a copy right after the original; the copy has no takes of its own yet. */
export function duplicateClip(board: Storyboard, clipId: string, newId: string): Storyboard {
  const at = findClip(board, clipId);
  if (!at) return board;
  const { selectedTakeId: _taken, ...rest } = at.clip;
  return addClip(board, at.scene.id, { ...rest, characterIds: [...rest.characterIds], id: newId }, at.index + 1);
}

/** Moves a clip to `toIndex` of scene `toSceneId` (the index counts clips without the moved one). */
export function moveClip(board: Storyboard, clipId: string, toSceneId: string, toIndex: number): Storyboard {
  const at = findClip(board, clipId);
  if (!at || !board.scenes.some((s) => s.id === toSceneId)) return board;
  const without = removeClips(board, new Set([clipId]));
  return mapScenes(without, (s) => {
    if (s.id !== toSceneId) return s;
    const clips = [...s.clips];
    clips.splice(clampIndex(toIndex, clips.length), 0, at.clip);
    return { ...s, clips };
  });
}

export interface ClipLocation {
  scene: StoryboardScene;
  sceneIndex: number;
  clip: StoryboardClip;
  index: number;
}

export function findClip(board: Storyboard, clipId: string): ClipLocation | undefined {
  for (const [sceneIndex, scene] of board.scenes.entries()) {
    const index = scene.clips.findIndex((c) => c.id === clipId);
    if (index >= 0) return { scene, sceneIndex, clip: scene.clips[index]!, index };
  }
  return undefined;
}

/** Every clip in play order. */
export const allClips = (board: Storyboard): StoryboardClip[] => board.scenes.flatMap((s) => s.clips);

/** The clip before/after `clipId` in play order (for arrow keys across scene rows). */
export function neighbourClip(board: Storyboard, clipId: string, step: -1 | 1): StoryboardClip | undefined {
  const clips = allClips(board);
  const i = clips.findIndex((c) => c.id === clipId);
  return i < 0 ? undefined : clips[i + step];
}

function mapScenes(board: Storyboard, f: (s: StoryboardScene) => StoryboardScene): Storyboard {
  let changed = false;
  const scenes = board.scenes.map((s) => {
    const next = f(s);
    if (next !== s) changed = true;
    return next;
  });
  return changed ? { ...board, scenes } : board;
}

function mapClips(board: Storyboard, f: (c: StoryboardClip) => StoryboardClip): Storyboard {
  return mapScenes(board, (s) => {
    let changed = false;
    const clips = s.clips.map((c) => {
      const next = f(c);
      if (next !== c) changed = true;
      return next;
    });
    return changed ? { ...s, clips } : s;
  });
}

const clampIndex = (i: number, length: number) => Math.max(0, Math.min(length, Math.floor(i)));
