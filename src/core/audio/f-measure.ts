export interface FMeasureOptions {
  /** Half-width of the hit window in seconds (MIREX: 0.07). */
  toleranceSec: number;
  /** Ignore beats before this time in both lists (MIREX evaluations use 5 s; 0 keeps all). */
  skipBeforeSec: number;
}

export const DEFAULT_F_MEASURE_OPTIONS: FMeasureOptions = { toleranceSec: 0.07, skipBeforeSec: 0 };

export interface BeatScore {
  fMeasure: number;
  precision: number;
  recall: number;
  /** Estimated beats matched one-to-one with a reference beat inside the tolerance. */
  hits: number;
}

/**
 * Beat-tracking F-measure in the MIREX / mir_eval style: each reference beat may be matched by
 * at most one estimated beat within ±tolerance; F = 2PR / (P + R). An empty reference or
 * estimate scores 0 (as mir_eval does).
 *
 * Greedy matching of sorted lists is optimal here because every window has the same width.
 *
 * @example
 * beatFMeasure([1, 2, 3], [1.05, 2.2, 3]).fMeasure; // 0.667
 */
export function beatFMeasure(
  reference: readonly number[],
  estimated: readonly number[],
  options: Partial<FMeasureOptions> = {},
): BeatScore {
  const { toleranceSec, skipBeforeSec } = { ...DEFAULT_F_MEASURE_OPTIONS, ...options };
  const ref = reference.filter((t) => Number.isFinite(t) && t >= skipBeforeSec).sort((a, b) => a - b);
  const est = estimated.filter((t) => Number.isFinite(t) && t >= skipBeforeSec).sort((a, b) => a - b);
  if (ref.length === 0 || est.length === 0) return { fMeasure: 0, precision: 0, recall: 0, hits: 0 };
  let hits = 0;
  let j = 0;
  for (const r of ref) {
    // Skip estimates too early for this (and therefore every later) reference beat.
    while (j < est.length && est[j]! < r - toleranceSec) j++;
    if (j < est.length && est[j]! <= r + toleranceSec) {
      hits++;
      j++;
    }
  }
  const precision = hits / est.length;
  const recall = hits / ref.length;
  const fMeasure = hits === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { fMeasure, precision, recall, hits };
}
