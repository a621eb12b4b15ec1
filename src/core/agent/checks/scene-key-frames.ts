/** How many frames the layout pass samples: enough to see scenes of a second or more in a minute-long video. */
export const LAYOUT_SAMPLES = 16;
/** At most this many stills per check (each one costs render time and the model's image tokens). */
export const MAX_KEY_FRAMES = 5;

/** Evenly spaced frames from the first to the last, for the layout pass. */
export function layoutSampleFrames(durationInFrames: number, samples = LAYOUT_SAMPLES): number[] {
  const last = Math.max(0, durationInFrames - 1);
  const count = Math.min(samples, durationInFrames);
  if (count <= 1) return [0];
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round((i * last) / (count - 1))))];
}

/**
 * The frames a person would look at: the start, the middle of each scene, the end. A scene is a
 * run of samples with the same element signature (Remotion sequences mount and unmount their
 * elements, so a new scene changes the tree). With more scenes than room, the longest are kept.
 */
export function sceneKeyFrames(samples: readonly { frame: number; signature: string }[], durationInFrames: number, max = MAX_KEY_FRAMES): number[] {
  const last = Math.max(0, durationInFrames - 1);
  const runs: { from: number; to: number }[] = [];
  samples.forEach((s, i) => {
    if (i > 0 && samples[i - 1]!.signature === s.signature) runs.at(-1)!.to = i;
    else runs.push({ from: i, to: i });
  });
  // The frame halfway through the run, not its middle sample: a run of two samples would give its first
  // frame, where a scene is often still coming in. Short runs (transitions) lose to long ones.
  const middles = runs
    .map((r) => ({ frame: Math.round((samples[r.from]!.frame + samples[r.to]!.frame) / 2), length: samples[r.to]!.frame - samples[r.from]!.frame }))
    .sort((a, b) => b.length - a.length)
    .slice(0, Math.max(0, max - 2))
    .map((m) => m.frame);
  return [...new Set([0, ...middles, last])].sort((a, b) => a - b);
}
