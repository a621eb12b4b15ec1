import { modelLabelOf, priceOf } from '../pricing/model-presets';
import { generatedResolution, generatedSeconds, MODEL_OF_PROVIDER } from './storyboard-graph';
import type { StoryboardClip } from './storyboard-types';

export interface BatchEstimate {
  /** Clips that will start a generation (the rest are already made or have no prompt). */
  clips: number;
  seconds: number;
  usd: number;
  /** Clips skipped, with why. */
  skipped: { clipId: string; reason: string }[];
}

/**
 * What a batch will cost before it starts: per-second list prices times the seconds each model
 * will generate, for the clips that will really start (`alreadyMade` ones answer from the cache).
 */
export function estimateBatch(clips: readonly StoryboardClip[], alreadyMade: (clipId: string) => boolean, usesReferences: (clip: StoryboardClip) => boolean = () => false): BatchEstimate {
  const out: BatchEstimate = { clips: 0, seconds: 0, usd: 0, skipped: [] };
  for (const clip of clips) {
    if (!clip.prompt.trim()) out.skipped.push({ clipId: clip.id, reason: 'no prompt' });
    else if (alreadyMade(clip.id)) out.skipped.push({ clipId: clip.id, reason: 'already made' });
    else {
      const seconds = generatedSeconds(clip, usesReferences(clip));
      out.clips++;
      out.seconds += seconds;
      out.usd += priceOf(MODEL_OF_PROVIDER[clip.provider], seconds, generatedResolution(clip, seconds)) ?? 0;
    }
  }
  out.usd = Math.round(out.usd * 100) / 100;
  return out;
}

export const modelLabel = (clip: StoryboardClip) => modelLabelOf(MODEL_OF_PROVIDER[clip.provider]);
