/**
 * A storyboard: scenes in order, each a row of clips in order. One document per project (so an
 * edit, an undo step and a two-tab save are one write); its generations are engine takes of the
 * clip's node (see storyboard-graph.ts), never a second job system.
 */

export const SHOT_TYPES = ['wide', 'medium', 'close-up', 'extreme close-up', 'insert', 'over the shoulder', 'aerial'] as const;
export type ShotType = (typeof SHOT_TYPES)[number];

export const CAMERA_MOVES = ['static', 'pan', 'tilt', 'dolly in', 'dolly out', 'tracking', 'handheld', 'crane', 'orbit'] as const;
export type CameraMove = (typeof CAMERA_MOVES)[number];

/** The clip form's model choices; 'comfyui' runs the shipped Wan workflows on the person's own servers. */
export const CLIP_PROVIDERS = ['veo', 'veo-fast', 'runway', 'comfyui'] as const;
export type ClipProvider = (typeof CLIP_PROVIDERS)[number];

export interface StoryboardClip {
  id: string;
  prompt: string;
  shotType: ShotType;
  cameraMove: CameraMove;
  provider: ClipProvider;
  /** What the provider generates (Veo 4/6/8, Runway 5/10). */
  generateSeconds: number;
  /** How long the clip plays in the cut (≤ generateSeconds); fit-to-music sets it. */
  cutSeconds: number;
  aspectRatio: '16:9' | '9:16';
  /** Veo makes 1080p and 4k only as 8 s clips; other lengths are made at 720p. */
  resolution: '720p' | '1080p' | '4k';
  negativePrompt: string;
  seed?: number;
  characterIds: string[];
  styleId?: string;
  /** First frame (image→video), an asset id. */
  firstFrameAssetId?: string;
  /** Last frame (with a first frame: Veo's first+last frame mode), an asset id. */
  lastFrameAssetId?: string;
  /** Continues the clip before it in play order from its last frame (Veo extend). */
  continuesPrevious?: boolean;
  /** The take chosen for the cut; else the newest. */
  selectedTakeId?: string;
  /** Footage the clip plays instead of a generation (an imported timeline's media), an asset id. */
  mediaAssetId?: string;
  /** The media file the clip was imported with; shown as missing until it is linked. */
  mediaName?: string;
  /** Where the clip starts in its media, in seconds (an imported in-point). */
  sourceInSeconds?: number;
}

export interface StoryboardScene {
  id: string;
  title: string;
  notes: string;
  color?: string;
  clips: StoryboardClip[];
  /** What the voice says over the scene (a script's narration; voiceover and subtitles read it). */
  narration?: string;
  /** A few words shown over the scene's pictures. */
  onScreenText?: string;
}

export interface StoryboardCharacter {
  id: string;
  name: string;
  description: string;
  photoAssetIds: string[];
}

export interface StyleTemplate {
  id: string;
  name: string;
  prefix: string;
  suffix: string;
  negativePrompt: string;
}

export interface Storyboard {
  version: 1;
  scenes: StoryboardScene[];
  characters: StoryboardCharacter[];
  styles: StyleTemplate[];
  /** The music under the cut: an asset of the project. */
  music?: { assetId: string; name: string };
  /** Cut points snap to beats or to downbeats (bar starts). */
  snapTo: 'beat' | 'downbeat';
  /** Spending cap per project in US dollars; a batch over it asks first. */
  spendingCapUsd?: number;
}

export const emptyStoryboard = (): Storyboard => ({ version: 1, scenes: [], characters: [], styles: [], snapTo: 'beat' });

/** Limits that keep one document fast to save and draw. */
export const STORYBOARD_LIMITS = { maxClips: 1000, maxScenes: 200, maxPromptLength: 4000 } as const;
