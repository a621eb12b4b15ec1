/** 60 / median inter-beat interval: robust to a few missed or extra beats. */
export function bpmFromBeats(beats: readonly number[]): number {
  if (beats.length < 2) return 0;
  const intervals: number[] = [];
  for (let i = 1; i < beats.length; i++) intervals.push(beats[i]! - beats[i - 1]!);
  intervals.sort((a, b) => a - b);
  const mid = intervals.length / 2;
  const median = intervals.length % 2 ? intervals[Math.floor(mid)]! : (intervals[mid - 1]! + intervals[mid]!) / 2;
  return median > 0 ? 60 / median : 0;
}
