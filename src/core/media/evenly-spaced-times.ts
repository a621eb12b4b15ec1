/**
 * `count` timestamps spread over [start, end): the centre of each of `count` equal slices, so the
 * first thumbnail is not the (often black) first frame and the last is not past the end.
 *
 * @example
 * evenlySpacedTimes(0, 10, 5); // [1, 3, 5, 7, 9]
 */
export function evenlySpacedTimes(startSec: number, endSec: number, count: number): number[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`[media/evenlySpacedTimes] count must be a positive integer, got ${count}`);
  }
  if (!(endSec > startSec)) return Array.from({ length: count }, () => Math.max(0, startSec));
  const slice = (endSec - startSec) / count;
  return Array.from({ length: count }, (_, i) => startSec + slice * (i + 0.5));
}
