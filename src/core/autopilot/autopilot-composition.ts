import type { SubtitleCue } from '../narration/narration-types';
import { addElementToRootReturn } from '../storyboard/cut-composition';
import type { Storyboard } from '../storyboard/storyboard-types';
import type { PlanBrand } from './apply-brand-kit';
import type { CaptionStyle } from './caption-style';

/**
 * The Auto-pilot video as Remotion code in the project, the way the storyboard's cut is:
 * `src/autopilot/video.ts` holds the plan (rewritten by Auto-pilot and by edits of its steps),
 * `src/autopilot/AutoPilotVideo.tsx` plays it, and Root registers an "AutoPilot" composition.
 * Preview, in-browser export, server render and `director render` need nothing else.
 */

export const AUTOPILOT_COMPOSITION_ID = 'AutoPilot';
export const AUTOPILOT_PLAN_PATH = 'src/autopilot/video.ts';
export const AUTOPILOT_COMPONENT_PATH = 'src/autopilot/AutoPilotVideo.tsx';

export type PlanVisual = { kind: 'video'; src: string; trimBefore: number } | { kind: 'image'; src: string } | { kind: 'designed' };

export interface PlanScene {
  id: string;
  frames: number;
  title: string;
  onScreenText: string;
  visual: PlanVisual;
}

/** @remotion/captions' TikTokPage shape: one cue, its words as tokens (times from the first scene's start). */
export interface PlanCaptionPage {
  text: string;
  startMs: number;
  durationMs: number;
  tokens: { text: string; fromMs: number; toMs: number }[];
}

export interface AutopilotPlan {
  fps: number;
  width: number;
  height: number;
  scenes: PlanScene[];
  captions: PlanCaptionPage[];
  captionStyle: CaptionStyle;
  /** The mixed soundtrack (an asset name), played from the first scene's start. */
  soundtrack: string | null;
  brand: PlanBrand;
}

export interface AutopilotPlanInput {
  board: Storyboard;
  size: { fps: number; width: number; height: number };
  /** A clip's picture: its take, linked footage, a chosen asset; null → a designed scene. */
  visualOf: (clipId: string) => Exclude<PlanVisual, { kind: 'designed' }> | null;
  cues: readonly SubtitleCue[];
  captionStyle: CaptionStyle;
  soundtrack: string | null;
  brand: PlanBrand;
}

/** One plan scene per storyboard scene: its clips' cut lengths summed, its first clip's picture. */
export function autopilotPlan(input: AutopilotPlanInput): AutopilotPlan {
  const { fps } = input.size;
  const scenes = input.board.scenes
    .filter((s) => s.clips.length)
    .map((s): PlanScene => {
      const seconds = s.clips.reduce((n, c) => n + c.cutSeconds, 0);
      return { id: s.id, frames: Math.max(1, Math.round(seconds * fps)), title: s.title, onScreenText: s.onScreenText ?? '', visual: input.visualOf(s.clips[0]!.id) ?? { kind: 'designed' } };
    });
  return { ...input.size, scenes, captions: input.cues.map(captionPage), captionStyle: input.captionStyle, soundtrack: input.soundtrack, brand: input.brand };
}

function captionPage(cue: SubtitleCue): PlanCaptionPage {
  const ms = (s: number) => Math.round(s * 1000);
  const tokens = cue.words?.length ? cue.words.map((w, i) => ({ text: `${i ? ' ' : ''}${w.text}`, fromMs: ms(w.startS), toMs: ms(w.endS) })) : [{ text: cue.text, fromMs: ms(cue.startS), toMs: ms(cue.endS) }];
  return { text: cue.text, startMs: ms(cue.startS), durationMs: Math.max(1, ms(cue.endS) - ms(cue.startS)), tokens };
}

export const autopilotDurationInFrames = (plan: AutopilotPlan) => Math.max(1, (plan.brand.intro?.frames ?? 0) + plan.scenes.reduce((n, s) => n + s.frames, 0) + (plan.brand.outro?.frames ?? 0));

export function autopilotPlanFile(plan: AutopilotPlan): string {
  return `// Written by Auto-pilot: edit its steps (script, visuals, voice, captions, brand), not this file.
import type {AutopilotPlan} from './AutoPilotVideo';

export const video: AutopilotPlan = ${JSON.stringify(plan, null, 2)};
`;
}

const ROOT_PATH = 'src/Root.tsx';
const IMPORT_LINE = "import {AutoPilotComposition} from './autopilot/AutoPilotVideo';";

/** The files to write for `plan` given the project's files (Root created or extended, as the cut does). */
export function autopilotFiles(plan: AutopilotPlan, files: ReadonlyMap<string, string>, component: string): { files: Record<string, string>; error?: string } {
  const out: Record<string, string> = { [AUTOPILOT_PLAN_PATH]: autopilotPlanFile(plan), [AUTOPILOT_COMPONENT_PATH]: component };
  const root = files.get(ROOT_PATH);
  if (root === undefined) {
    if (!files.has('src/index.ts') && !files.has('src/index.tsx')) out['src/index.ts'] = "import {registerRoot} from 'remotion';\nimport {Root} from './Root';\n\nregisterRoot(Root);\n";
    out[ROOT_PATH] = `${IMPORT_LINE}\n\nexport const Root: React.FC = () => {\n  return <AutoPilotComposition />;\n};\n`;
    return { files: out };
  }
  if (root.includes('AutoPilotComposition')) return { files: out };
  const added = addElementToRootReturn(root, '<AutoPilotComposition />') ?? addToBareReturn(root);
  if (!added) return { files: out, error: `Could not add the Auto-pilot composition to ${ROOT_PATH} by itself: add <AutoPilotComposition /> (from './autopilot/AutoPilotVideo') to what Root returns.` };
  out[ROOT_PATH] = `${IMPORT_LINE}\n${added}`;
  return { files: out };
}

/** Root written by a view (`return <StoryboardComposition />;`): both compositions in a fragment. */
function addToBareReturn(source: string): string | null {
  const m = /(export\s+(?:const|function)\s+Root\b[\s\S]*?)return\s+(<[A-Za-z][^;]*?\/>)\s*;/.exec(source);
  if (!m) return null;
  return source.replace(m[0], `${m[1]}return (\n    <>\n      ${m[2]}\n      <AutoPilotComposition />\n    </>\n  );`);
}
