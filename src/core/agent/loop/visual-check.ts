import { encodeBase64 } from '../../util/base64';
import { frameFindings, type FrameFinding } from '../checks/frame-findings';
import { sceneKeyFrames } from '../checks/scene-key-frames';
import { textLayerFindings, type TextFinding } from '../checks/text-layer-findings';
import type { CompositionLayout } from '../../preview/frame-layout';
import type { Part } from '../provider/model-types';
import type { CheckFinding, ToolContext } from '../tools/tool-types';
import { readSources } from '../tools/tool-helpers';

export interface VisualCheckResult {
  finding: CheckFinding;
  /** The rendered frames as image parts, for the main model to see. */
  images: Part[];
  frames: number[];
  summary: string;
}

/** Start, middle and end of the first composition (or just the start when its length is unknown). */
export function keyFrames(durationInFrames: number | null): number[] {
  if (!durationInFrames || durationInFrames < 2) return [0];
  const last = durationInFrames - 1;
  return [...new Set([0, Math.floor(last / 2), last])];
}

/** Half size, at most 640 px wide: enough for a person (and the model) to judge, and quick to render. */
const stillScale = (layout: CompositionLayout | null) => (layout ? Math.min(0.5, 640 / layout.width) : 0.5);

/**
 * The automatic look at a changed project: stills at key frames in the engine (the start, the
 * middle of each scene, the end), each measured for what a person would notice: a blank frame
 * (nothing visible, or text the colour of its background), text below WCAG AA contrast against
 * what is behind it, text cut off at the frame's edge. Problems come back with the frames
 * themselves, so the main model sees what a person would see.
 */
export async function runVisualCheck(ctx: ToolContext, durationInFrames: number | null): Promise<VisualCheckResult> {
  const sources = await readSources(ctx.workspace);
  // The engine's layout (where it can be read) gives the scenes and the text layers.
  const sampled: CompositionLayout | null = (await ctx.stillRenderer.inspectLayout?.({ ...sources, signal: ctx.signal })) ?? null;
  const frames = sampled && sampled.frames.length > 0 ? sceneKeyFrames(sampled.frames, sampled.durationInFrames) : keyFrames(durationInFrames);
  // The text layers exactly at the key frames (a scene's middle is rarely a sampled frame).
  const layout = sampled ? ((await ctx.stillRenderer.inspectLayout?.({ ...sources, frames, signal: ctx.signal })) ?? sampled) : null;
  const problems: string[] = [];
  const images: Part[] = [];
  const found: { frame: number; findings: (FrameFinding | TextFinding)[] }[] = [];
  for (const frame of frames) {
    const still = await ctx.stillRenderer.renderStill({ ...sources, frame, scale: stillScale(layout), signal: ctx.signal });
    if (!still.ok) {
      problems.push(`frame ${frame} could not be rendered: ${still.message}`);
      continue;
    }
    images.push({ text: `Frame ${frame} of ${still.compositionId}:` }, { inlineData: { mimeType: 'image/png', data: encodeBase64(still.png) } });
    const frameLayout = layout?.frames.find((f) => f.frame === frame);
    const texts = frameLayout && layout ? textLayerFindings(frameLayout, still.pixels, layout) : [];
    found.push({ frame, findings: [...(still.pixels ? frameFindings(still.pixels) : []), ...texts] });
  }
  // Fading in from (or out to) one colour is normal: a blank first or last frame counts only when every frame is blank.
  const allBlank = found.length > 0 && found.every((f) => f.findings.some((x) => x.code === 'blank_frame'));
  const edge = (frame: number) => frame === frames[0] || frame === frames[frames.length - 1];
  // Low contrast measured from pixels alone cannot tell text from a subtle decorative shape, so it
  // is a note on the step; measured against a text layer it is a problem. Text fading or sliding
  // in (or out) past the edge is normal on the first and last frames.
  const notes: string[] = [];
  for (const { frame, findings } of found) {
    for (const f of findings) {
      if (f.code === 'low_contrast') notes.push(`frame ${frame}: ${f.message}`);
      else if (allBlank || !edge(frame)) problems.push(`frame ${frame}: ${f.message}`);
    }
  }
  return {
    finding: { kind: 'visual', clean: problems.length === 0, problems },
    images,
    frames,
    summary: `${problems.length ? `${problems.length} visual problem${problems.length > 1 ? 's' : ''}, first: ${problems[0]}` : `frames ${frames.join(', ')} look right`}${notes.length ? `; note: ${notes[0]}` : ''}`,
  };
}
