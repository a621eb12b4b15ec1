import { DEFAULT_CLIP } from '../storyboard/storyboard-edits';
import type { Storyboard, StoryboardScene } from '../storyboard/storyboard-types';
import type { VideoScript } from './script-types';

/** Veo's clip lengths; a generated clip is the shortest one that covers the scene. */
const VEO_SECONDS = [4, 6, 8] as const;

/**
 * The script as storyboard scenes: one scene per script scene with its narration and on-screen
 * text, and one clip whose prompt is the visual description and whose cut length is the scene's
 * duration. The board's characters, styles and music are kept; its scenes are replaced.
 */
export function scriptToStoryboard(script: VideoScript, board: Storyboard, newId: () => string): Storyboard {
  const scenes: StoryboardScene[] = script.scenes.map((s, i) => ({
    id: newId(),
    title: s.onScreenText || `Scene ${i + 1}`,
    notes: '',
    narration: s.narration,
    onScreenText: s.onScreenText,
    clips: [
      {
        ...DEFAULT_CLIP,
        characterIds: [],
        id: newId(),
        prompt: s.visualDescription,
        cutSeconds: round1(s.durationS),
        generateSeconds: VEO_SECONDS.find((v) => v >= s.durationS) ?? 8,
      },
    ],
  }));
  return { ...board, scenes };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
