import type { Storyboard } from './storyboard-types';

/**
 * The storyboard's cut as Remotion code in the project: `src/storyboard/cut.ts` holds the plan
 * (regenerated on every change of the board), `src/storyboard/StoryboardCut.tsx` plays it, and
 * Root registers a "Storyboard" composition. So the Code view's preview, the in-browser export,
 * the server render and share links work on the cut with no storyboard-specific path.
 */

export const CUT_COMPOSITION_ID = 'Storyboard';
export const CUT_PLAN_PATH = 'src/storyboard/cut.ts';
export const CUT_COMPONENT_PATH = 'src/storyboard/StoryboardCut.tsx';

export interface CutClip {
  clipId: string;
  scene: string;
  prompt: string;
  /** The selected take's video (an asset name for staticFile), or null while it has none. */
  video: string | null;
  frames: number;
  /** Frames skipped at the start of the video (an imported in-point). */
  trimBefore: number;
}

export interface CutPlan {
  fps: number;
  width: number;
  height: number;
  clips: CutClip[];
  music: string | null;
}

export function cutPlan(board: Storyboard, size: { fps: number; width: number; height: number }, videoOf: (clipId: string) => string | null, musicName: string | null): CutPlan {
  const clips = board.scenes.flatMap((scene) =>
    scene.clips.map((clip) => ({
      clipId: clip.id,
      scene: scene.title,
      prompt: clip.prompt,
      video: videoOf(clip.id),
      frames: Math.max(1, Math.round(clip.cutSeconds * size.fps)),
      trimBefore: Math.round((clip.sourceInSeconds ?? 0) * size.fps),
    })),
  );
  return { ...size, clips, music: musicName };
}

export const cutDurationInFrames = (plan: CutPlan) => Math.max(1, plan.clips.reduce((n, c) => n + c.frames, 0));

export function cutPlanFile(plan: CutPlan): string {
  return `// Written by the Storyboard view on every change of the board: edit the board, not this file.
import type {CutPlan} from './StoryboardCut';

export const cut: CutPlan = ${JSON.stringify(plan, null, 2)};
`;
}

export const CUT_COMPONENT = `import {AbsoluteFill, Composition, Sequence, staticFile} from 'remotion';
import {Audio, Video} from '@remotion/media';
import {cut} from './cut';

export interface CutClip {
  clipId: string;
  scene: string;
  prompt: string;
  video: string | null;
  frames: number;
  trimBefore: number;
}

export interface CutPlan {
  fps: number;
  width: number;
  height: number;
  clips: CutClip[];
  music: string | null;
}

/** A clip without a take yet: its scene and prompt on a dark card, so the cut still plays. */
const Placeholder: React.FC<{clip: CutClip; index: number}> = ({clip, index}) => (
  <AbsoluteFill style={{background: index % 2 ? '#1d2433' : '#262033', color: '#e8ecf4', justifyContent: 'center', alignItems: 'center', padding: '8%', fontFamily: 'sans-serif', textAlign: 'center'}}>
    <div style={{fontSize: 28, opacity: 0.7}}>{clip.scene}</div>
    <div style={{fontSize: 44, marginTop: 16}}>{clip.prompt || 'Clip ' + (index + 1)}</div>
  </AbsoluteFill>
);

export const StoryboardCut: React.FC<{plan: CutPlan}> = ({plan}) => {
  let from = 0;
  return (
    <AbsoluteFill style={{background: 'black'}}>
      {plan.clips.map((clip, i) => {
        const start = from;
        from += clip.frames;
        return (
          <Sequence key={clip.clipId} from={start} durationInFrames={clip.frames}>
            {clip.video ? <Video src={staticFile(clip.video)} trimBefore={clip.trimBefore || undefined} muted objectFit="cover" style={{width: '100%', height: '100%'}} /> : <Placeholder clip={clip} index={i} />}
          </Sequence>
        );
      })}
      {plan.music ? <Audio src={staticFile(plan.music)} /> : null}
    </AbsoluteFill>
  );
};

const durationOf = (plan: CutPlan) => Math.max(1, plan.clips.reduce((n, c) => n + c.frames, 0));

/** Registers the cut; Root renders it beside the project's other compositions. */
export const StoryboardComposition: React.FC = () => (
  <Composition id="${CUT_COMPOSITION_ID}" component={StoryboardCut} durationInFrames={durationOf(cut)} fps={cut.fps} width={cut.width} height={cut.height} defaultProps={{plan: cut}} />
);
`;

const ROOT_PATH = 'src/Root.tsx';
const IMPORT_LINE = "import {StoryboardComposition} from './storyboard/StoryboardCut';";

/**
 * The files to write for `plan`, given the project's current files: the plan, the component,
 * and Root (created for a project without code; for existing code, the composition is added to
 * what Root returns). `error` says why Root could not be changed (the cut files are still written).
 */
export function cutFiles(plan: CutPlan, files: ReadonlyMap<string, string>): { files: Record<string, string>; error?: string } {
  const out: Record<string, string> = { [CUT_PLAN_PATH]: cutPlanFile(plan), [CUT_COMPONENT_PATH]: CUT_COMPONENT };
  const root = files.get(ROOT_PATH);
  if (root === undefined) {
    if (!files.has('src/index.ts') && !files.has('src/index.tsx')) out['src/index.ts'] = "import {registerRoot} from 'remotion';\nimport {Root} from './Root';\n\nregisterRoot(Root);\n";
    out[ROOT_PATH] = `${IMPORT_LINE}\n\nexport const Root: React.FC = () => {\n  return <StoryboardComposition />;\n};\n`;
    return { files: out };
  }
  if (root.includes('StoryboardComposition')) return { files: out };
  const added = addToRootReturn(root);
  if (!added) return { files: out, error: `Could not add the Storyboard composition to ${ROOT_PATH} by itself: add <StoryboardComposition /> (from './storyboard/StoryboardCut') to what Root returns.` };
  out[ROOT_PATH] = `${IMPORT_LINE}\n${added}`;
  return { files: out };
}

/** Wraps the JSX of Root's first `return (…)` as `<>…<StoryboardComposition /></>`; null if not found. */
export function addToRootReturn(source: string): string | null {
  return addElementToRootReturn(source, '<StoryboardComposition />');
}

/** Wraps the JSX of Root's first `return (…)` as `<>…{element}</>` (Auto-pilot adds its own); null if not found. */
export function addElementToRootReturn(source: string, element: string): string | null {
  const rootAt = source.search(/export\s+const\s+Root\b|export\s+function\s+Root\b/);
  if (rootAt < 0) return null;
  const open = source.indexOf('return (', rootAt);
  if (open < 0) return null;
  const start = open + 'return ('.length;
  let depth = 1;
  let quote: string | null = null;
  for (let i = start; i < source.length; i++) {
    const ch = source[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) {
      const inner = source.slice(start, i).trim();
      return `${source.slice(0, start)}\n    <>\n      ${inner}\n      ${element}\n    </>\n  ${source.slice(i)}`;
    }
  }
  return null;
}
