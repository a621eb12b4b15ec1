import type { SubtitleCue, VoiceSettings, WordTiming } from '../narration/narration-types';
import type { CaptionStyle } from './caption-style';
import type { ScriptOptions, VideoScript } from './script-types';

/**
 * One Auto-pilot run of a project (issue 18, step 7): the same steps a person can run by hand,
 * in order, each with its state and result. The run is a plain record, saved after every change,
 * so a reload finds it where it stopped; the step machine (autopilot-steps.ts) moves it on.
 */

export const AUTOPILOT_STEPS = ['script', 'scenes', 'visuals', 'voiceover', 'subtitles', 'mix', 'render'] as const;
export type AutopilotStepId = (typeof AUTOPILOT_STEPS)[number];

export const STEP_LABELS: Record<AutopilotStepId, string> = {
  script: 'Script',
  scenes: 'Scenes',
  visuals: 'Visuals',
  voiceover: 'Voiceover',
  subtitles: 'Subtitles',
  mix: 'Mix',
  render: 'Render MP4',
};

export type StepStatus = 'pending' | 'running' | 'done' | 'failed';

export interface StepState {
  id: AutopilotStepId;
  status: StepStatus;
  /** 0..1 while running. */
  progress: number;
  startedAt?: number;
  endedAt?: number;
  /** One line a person reads: what the step made ("6 scenes, 45 s") or why it failed. */
  summary?: string;
  error?: string;
}

/** One scene's voiceover: its audio as a project asset and when its words are heard. */
export interface SceneNarration {
  sceneId: string;
  assetName: string;
  durationS: number;
  words: WordTiming[];
}

/** What the steps made that later steps read; everything else lives in the project itself. */
export interface RunArtifacts {
  script?: VideoScript;
  /** Shown while the script is the offline outline. */
  scriptNote?: string;
  narration?: SceneNarration[];
  /** Times from the first scene's start. Edited in the cue list. */
  cues?: SubtitleCue[];
  soundtrackAsset?: string;
  loudness?: { beforeLufs: number; afterLufs: number; truePeakDbtp: number };
  renderAssetId?: string;
}

export interface AutopilotRun {
  id: string;
  projectId: string;
  topic: string;
  options: ScriptOptions;
  /** No network at all: template script, offline voice, designed scenes. */
  offline: boolean;
  brandKitId?: string;
  voice: VoiceSettings;
  captionStyle: CaptionStyle;
  musicAssetId?: string;
  steps: StepState[];
  artifacts: RunArtifacts;
  createdAt: number;
  updatedAt: number;
}
