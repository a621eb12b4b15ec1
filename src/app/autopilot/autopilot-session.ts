import { DEFAULT_CAPTION_STYLE, initialSteps, invalidateAfter, invalidateFrom, restoreCaptionStyle, restoreCue, runAutopilot, type AutopilotRun, type CaptionStyle, type ScriptOptions } from '../../core/autopilot';
import type { SubtitleCue, VoiceSettings } from '../../core/narration/narration-types';
import { wrapCueText } from '../../core/subtitles/wrap-cue-text';
import { newId } from '../../core/util/ids';
import { loadAutopilotRun, saveAutopilotRun } from '../../db/autopilot-repo';
import type { DirectorDb } from '../../db/database';
import { loadStoryboard, saveStoryboard } from '../../db/storyboard-repo';
import type { StoryboardClip } from '../../core/storyboard/storyboard-types';
import { makeAutopilotHandlers, type AutopilotMedia } from './autopilot-handlers';

const withMedia = (clip: StoryboardClip, assetId: string | null): StoryboardClip => {
  const { mediaAssetId: _old, ...rest } = clip;
  return assetId ? { ...rest, mediaAssetId: assetId } : rest;
};

export interface AutopilotStart {
  topic: string;
  options: ScriptOptions;
  offline: boolean;
  voice: VoiceSettings;
  brandKitId?: string;
  musicAssetId?: string;
  captionStyle?: CaptionStyle;
}

export const DEFAULT_VOICE: VoiceSettings = { provider: 'offline', voice: 'en-us', speed: 1, pitch: 0 };

/** Runs in progress in this tab, by project: one at a time per project. */
const active = new Map<string, AbortController>();

export const isAutopilotRunning = (projectId: string) => active.has(projectId);

/**
 * Auto-pilot for one project: start a new run, continue the stored one (after a fix or a reload),
 * cancel, and the edits a person makes afterwards. Every change is saved in IndexedDB; views
 * read the run with a live query.
 */
export function makeAutopilotSession(db: DirectorDb, projectId: string, media: AutopilotMedia) {
  const continueRun = async (run: AutopilotRun): Promise<AutopilotRun> => {
    if (active.has(projectId)) throw new Error('Auto-pilot is already running for this project.');
    const controller = new AbortController();
    active.set(projectId, controller);
    const steps = makeAutopilotHandlers(db, projectId, media);
    try {
      return await runAutopilot(run, { handlers: steps.handlers, save: (r) => saveAutopilotRun(db, r), now: Date.now, signal: controller.signal });
    } finally {
      steps.dispose();
      active.delete(projectId);
    }
  };

  const rewrite = async (run: AutopilotRun) => {
    const steps = makeAutopilotHandlers(db, projectId, media);
    try {
      await steps.writeVideo(run);
    } finally {
      steps.dispose();
    }
  };

  return {
    async start(input: AutopilotStart): Promise<AutopilotRun> {
      const now = Date.now();
      const run: AutopilotRun = {
        id: newId(),
        projectId,
        topic: input.topic.trim(),
        options: input.options,
        offline: input.offline,
        voice: input.voice,
        captionStyle: input.captionStyle ?? DEFAULT_CAPTION_STYLE,
        ...(input.brandKitId ? { brandKitId: input.brandKitId } : {}),
        ...(input.musicAssetId ? { musicAssetId: input.musicAssetId } : {}),
        steps: initialSteps(),
        artifacts: {},
        createdAt: now,
        updatedAt: now,
      };
      await saveAutopilotRun(db, run);
      return continueRun(run);
    },

    /** Continues the stored run from its first step not done (a failed or interrupted one included). */
    async resume(): Promise<AutopilotRun | null> {
      const run = await loadAutopilotRun(db, projectId);
      return run ? continueRun(run) : null;
    },

    cancel() {
      active.get(projectId)?.abort();
    },

    /** The cue list after an edit: kept if every cue is valid; mix stays, the render redoes. */
    async editCues(cues: SubtitleCue[]): Promise<{ ok: true } | { ok: false; message: string }> {
      const run = await loadAutopilotRun(db, projectId);
      if (!run) return { ok: false, message: 'There is no Auto-pilot run in this project.' };
      const clean = cues.flatMap((c) => restoreCue(c));
      if (clean.length !== cues.length) return { ok: false, message: 'Each cue needs some text and an end after its start.' };
      // Edited text is wrapped again to the subtitle rules (two lines of at most 42 characters).
      for (const [i, cue] of clean.entries()) {
        const lines = wrapCueText(cue.text.split(/\s+/).filter(Boolean), 42, 2);
        if (!lines) return { ok: false, message: `Cue ${i + 1} is longer than two lines of 42 characters: split it or shorten it.` };
        cue.text = lines.join('\n');
      }
      clean.sort((a, b) => a.startS - b.startS);
      const next = { ...invalidateAfter(run, 'subtitles', Date.now()), artifacts: { ...run.artifacts, cues: clean } };
      await saveAutopilotRun(db, next);
      await rewrite(next);
      return { ok: true };
    },

    /** A person picks a scene's picture (a suggested asset, or none for a designed card): only the render redoes. */
    async setSceneVisual(sceneId: string, assetId: string | null): Promise<void> {
      const { board } = await loadStoryboard(db, projectId);
      const next = { ...board, scenes: board.scenes.map((s) => (s.id === sceneId ? { ...s, clips: s.clips.map((c, i) => (i === 0 ? withMedia(c, assetId) : c)) } : s)) };
      await saveStoryboard(db, projectId, next);
      const run = await loadAutopilotRun(db, projectId);
      if (!run) return;
      const later = invalidateAfter(run, 'mix', Date.now());
      await saveAutopilotRun(db, later);
      await rewrite(later);
    },

    /** New voice settings: the voiceover and everything after it are made again on the next run. */
    async setVoice(voice: VoiceSettings): Promise<void> {
      const run = await loadAutopilotRun(db, projectId);
      if (!run) return;
      await saveAutopilotRun(db, { ...invalidateFrom(run, 'voiceover', Date.now()), voice });
    },

    /** A new caption look: written into the video at once; only the render redoes. */
    async setCaptionStyle(style: Partial<CaptionStyle>): Promise<void> {
      const run = await loadAutopilotRun(db, projectId);
      if (!run) return;
      const next = { ...invalidateAfter(run, 'mix', Date.now()), captionStyle: restoreCaptionStyle({ ...run.captionStyle, ...style }) };
      await saveAutopilotRun(db, next);
      await rewrite(next);
    },
  };
}
