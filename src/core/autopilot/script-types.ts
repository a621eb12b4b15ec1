/**
 * A video script written from a topic (issue 18, step 1): a title, a hook, and scenes each with
 * what is said, what is shown as text, what is seen and for how long. It becomes the project's
 * storyboard scenes (script-to-storyboard.ts).
 */

export const SCRIPT_TONES = ['friendly', 'informative', 'energetic', 'calm', 'serious', 'playful'] as const;
export type ScriptTone = (typeof SCRIPT_TONES)[number];

export interface ScriptOptions {
  /** Target length of the whole video in seconds. */
  lengthS: number;
  tone: ScriptTone;
  /** Who the video is for, in the person's words ("beginners", "small-business owners"). */
  audience: string;
  /** BCP 47 language tag of the narration, e.g. 'en' or 'de'. */
  language: string;
}

export const DEFAULT_SCRIPT_OPTIONS: ScriptOptions = { lengthS: 45, tone: 'friendly', audience: 'a general audience', language: 'en' };

export interface ScriptScene {
  /** What the voice says. */
  narration: string;
  /** A few words shown on screen (a heading, a figure); may be empty. */
  onScreenText: string;
  /** What is seen: a prompt for a generated clip, a stock search, or an asset match. */
  visualDescription: string;
  durationS: number;
}

export interface VideoScript {
  title: string;
  hook: string;
  language: string;
  scenes: ScriptScene[];
  /** Where it came from: the model, or the offline template the person fills in. */
  source: 'model' | 'template';
}

/** Bounds that keep a script a short video, whatever a model answers. */
export const SCRIPT_LIMITS = { minScenes: 1, maxScenes: 30, minSceneS: 1.5, maxSceneS: 30, minLengthS: 10, maxLengthS: 600, maxNarration: 1200, maxOnScreen: 120, maxVisual: 600, maxTitle: 120 } as const;
