import type { SubtitleCue, WordTiming } from '../narration/narration-types';
import type { Storyboard } from '../storyboard/storyboard-types';
import type { SceneNarration } from './autopilot-run';

/** Silence after a scene's narration before the next scene starts, so speech never runs into a cut. */
export const NARRATION_TAIL_S = 0.6;

/** Where each scene starts in the video (seconds from the first scene), from its clips' cut lengths. */
export function sceneStarts(board: Storyboard): Map<string, number> {
  const starts = new Map<string, number>();
  let t = 0;
  for (const scene of board.scenes) {
    starts.set(scene.id, t);
    t += scene.clips.reduce((n, c) => n + c.cutSeconds, 0);
  }
  return starts;
}

export const boardDurationS = (board: Storyboard) => board.scenes.reduce((n, s) => n + s.clips.reduce((m, c) => m + c.cutSeconds, 0), 0);

/**
 * Scenes long enough for what is said over them: a scene shorter than its narration (plus a
 * short tail) has its last clip lengthened; longer scenes keep their length.
 */
export function fitScenesToNarration(board: Storyboard, narration: readonly SceneNarration[]): Storyboard {
  const byScene = new Map(narration.map((n) => [n.sceneId, n.durationS]));
  return {
    ...board,
    scenes: board.scenes.map((scene) => {
      const spoken = byScene.get(scene.id);
      if (spoken === undefined || !scene.clips.length) return scene;
      const length = scene.clips.reduce((n, c) => n + c.cutSeconds, 0);
      const need = Math.min(60, spoken + NARRATION_TAIL_S);
      if (length >= need) return scene;
      const clips = [...scene.clips];
      const last = clips[clips.length - 1]!;
      clips[clips.length - 1] = { ...last, cutSeconds: Math.round((last.cutSeconds + need - length) * 100) / 100 };
      return { ...scene, clips };
    }),
  };
}

/** Every scene's words on the video's clock (scene start + word time), in order. */
export function videoWords(board: Storyboard, narration: readonly SceneNarration[]): WordTiming[] {
  const starts = sceneStarts(board);
  return board.scenes.flatMap((scene) => {
    const n = narration.find((x) => x.sceneId === scene.id);
    const at = starts.get(scene.id) ?? 0;
    return n ? n.words.map((w) => ({ text: w.text, startS: at + w.startS, endS: at + w.endS })) : [];
  });
}

/** Cues built per scene (a cue never spans a cut), on the video's clock. */
export function videoCues(board: Storyboard, narration: readonly SceneNarration[], build: (words: WordTiming[]) => SubtitleCue[]): SubtitleCue[] {
  const starts = sceneStarts(board);
  return board.scenes.flatMap((scene) => {
    const n = narration.find((x) => x.sceneId === scene.id);
    if (!n?.words.length) return [];
    const at = starts.get(scene.id) ?? 0;
    return build(n.words.map((w) => ({ text: w.text, startS: at + w.startS, endS: at + w.endS })));
  });
}
