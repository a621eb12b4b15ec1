/**
 * Scale at which a photo fits in a `side` x `side` square for the detector's whole-image pass, or
 * null when it fits as it is. MediaPipe uploads its input to a WebGL texture and resizes it to
 * BlazeFace's 128x128 there, at a cost that grows with the pixels (software GL without a GPU), and
 * rebuilds its buffers whenever the input size changes: handing it the whole photo at the tiles'
 * size keeps every pass of a tiled photo on one input size.
 */
export function wholePassScale(width: number, height: number, side: number): number | null {
  if (!(width > 0) || !(height > 0) || !(side > 0)) throw new RangeError(`[vision] wholePassScale: bad sizes ${width}x${height}, side ${side}`);
  const scale = side / Math.max(width, height);
  return scale < 1 ? scale : null;
}
