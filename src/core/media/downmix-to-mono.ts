/**
 * Averages interleaved channels into one (a mean, not a sum: a stereo file with the same signal
 * on both sides keeps its level; ffmpeg's `-ac 1` would add 3 dB).
 *
 * @example
 * downmixInterleaved(Float32Array.of(1, 0, 0.5, 0.5), 2); // Float32Array [0.5, 0.5]
 */
export function downmixInterleaved(interleaved: Float32Array, channels: number): Float32Array {
  if (!(channels >= 1) || !Number.isInteger(channels)) {
    throw new RangeError(`[media/downmixInterleaved] channels must be a positive integer, got ${channels}`);
  }
  if (channels === 1) return interleaved;
  const frames = Math.floor(interleaved.length / channels);
  const out = new Float32Array(frames);
  const scale = 1 / channels;
  for (let f = 0, i = 0; f < frames; f++) {
    let acc = 0;
    for (let c = 0; c < channels; c++) acc += interleaved[i++]!;
    out[f] = acc * scale;
  }
  return out;
}

/** Adds the mean of planar channels into `out` starting at `offset` (for decoders that hand out planes). */
export function addPlanarMean(planes: readonly Float32Array[], out: Float32Array, offset: number): void {
  const scale = 1 / planes.length;
  const frames = Math.min(planes[0]?.length ?? 0, out.length - offset);
  for (const plane of planes) {
    for (let f = 0; f < frames; f++) out[offset + f]! += plane[f]! * scale;
  }
}
