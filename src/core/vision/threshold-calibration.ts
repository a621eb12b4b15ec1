/** Picks the similarity threshold that separates same-person from different-person pairs. */

export interface LabelledPair {
  /** Cosine similarity of the two faces. */
  similarity: number;
  /** True when both faces are the same person. */
  same: boolean;
}

export interface ThresholdRates {
  /** Similarity at or above which two faces count as the same person. */
  threshold: number;
  /** False accept rate: different-person pairs at or above the threshold / all different pairs. */
  far: number;
  /** False reject rate: same-person pairs below the threshold / all same pairs. */
  frr: number;
  /** Correct decisions / all pairs. */
  accuracy: number;
  falseAccepts: number;
  falseRejects: number;
  samePairs: number;
  differentPairs: number;
}

export type CalibrationCriterion = 'equal-error' | 'accuracy';

/** FAR / FRR / accuracy of `threshold` on labelled pairs. */
export function ratesAt(pairs: readonly LabelledPair[], threshold: number): ThresholdRates {
  let falseAccepts = 0;
  let falseRejects = 0;
  let samePairs = 0;
  for (const p of pairs) {
    if (p.same) {
      samePairs++;
      if (p.similarity < threshold) falseRejects++;
    } else if (p.similarity >= threshold) {
      falseAccepts++;
    }
  }
  const differentPairs = pairs.length - samePairs;
  return {
    threshold,
    far: differentPairs ? falseAccepts / differentPairs : 0,
    frr: samePairs ? falseRejects / samePairs : 0,
    accuracy: pairs.length ? (pairs.length - falseAccepts - falseRejects) / pairs.length : 0,
    falseAccepts,
    falseRejects,
    samePairs,
    differentPairs,
  };
}

/**
 * The threshold that best separates the pairs. Candidates are midpoints between consecutive
 * distinct similarities (so the choice does not sit on a sample), plus one below and one above all.
 * - 'equal-error': minimises |FAR - FRR|, then the sum FAR + FRR (the equal error rate point);
 * - 'accuracy': maximises accuracy, then minimises |FAR - FRR|.
 * Among equally good candidates the one in the middle of the widest tie is kept, which is the
 * largest margin choice when the classes separate perfectly.
 */
export function calibrateThreshold(pairs: readonly LabelledPair[], criterion: CalibrationCriterion = 'equal-error'): ThresholdRates {
  const same = pairs.filter((p) => p.same).length;
  if (same === 0 || same === pairs.length) {
    throw new RangeError(`[vision] calibrateThreshold: needs both same-person and different-person pairs (got ${same} same of ${pairs.length})`);
  }
  if (pairs.some((p) => !Number.isFinite(p.similarity))) throw new RangeError('[vision] calibrateThreshold: a similarity is not a finite number');
  const values = [...new Set(pairs.map((p) => p.similarity))].sort((a, b) => a - b);
  const candidates = [values[0]! - 1e-6];
  for (let i = 1; i < values.length; i++) candidates.push((values[i - 1]! + values[i]!) / 2);
  candidates.push(values[values.length - 1]! + 1e-6);

  const cost = (r: ThresholdRates): [number, number] =>
    criterion === 'accuracy' ? [-r.accuracy, Math.abs(r.far - r.frr)] : [Math.abs(r.far - r.frr), r.far + r.frr];
  const rated = candidates.map((t) => ({ rates: ratesAt(pairs, t), cost: cost(ratesAt(pairs, t)) }));
  const better = (x: [number, number], y: [number, number]) => x[0] < y[0] - 1e-12 || (Math.abs(x[0] - y[0]) <= 1e-12 && x[1] < y[1] - 1e-12);
  const same2 = (x: [number, number], y: [number, number]) => Math.abs(x[0] - y[0]) <= 1e-12 && Math.abs(x[1] - y[1]) <= 1e-12;
  let best = rated[0]!;
  for (const r of rated) if (better(r.cost, best.cost)) best = r;
  // Widest run of consecutive best candidates: pick the threshold in its middle.
  let bestRun: number[] = [];
  let run: number[] = [];
  rated.forEach((r, i) => {
    if (same2(r.cost, best.cost)) run.push(i);
    else run = [];
    if (run.length && (bestRun.length === 0 || span(run) > span(bestRun))) bestRun = [...run];
  });
  function span(indices: number[]) {
    return candidates[indices[indices.length - 1]!]! - candidates[indices[0]!]!;
  }
  const middle = (candidates[bestRun[0]!]! + candidates[bestRun[bestRun.length - 1]!]!) / 2;
  return ratesAt(pairs, middle);
}

/** Every pair of items, labelled same when their identities match. */
export function labelledPairs<T>(
  items: readonly { identity: string; value: T }[],
  similarity: (a: T, b: T) => number,
): (LabelledPair & { a: number; b: number })[] {
  const pairs: (LabelledPair & { a: number; b: number })[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      pairs.push({ a: i, b: j, same: items[i]!.identity === items[j]!.identity, similarity: similarity(items[i]!.value, items[j]!.value) });
    }
  }
  return pairs;
}
