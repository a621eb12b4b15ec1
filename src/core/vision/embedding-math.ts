/** Vector maths on face embeddings (descriptors). Embeddings compare by cosine similarity. */

export type Embedding = Float32Array;

/** A unit-length copy of `v` (a zero vector stays zero rather than becoming NaN). */
export function l2Normalize(v: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  const norm = Math.sqrt(sum);
  const out = new Float32Array(v.length);
  if (norm === 0) return out;
  for (let i = 0; i < v.length; i++) out[i] = v[i]! / norm;
  return out;
}

/** Cosine similarity in [-1, 1]; 0 when either vector is all zeros. */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new RangeError(`[vision] cosineSimilarity: vectors differ in length (${a.length} vs ${b.length})`);
  }
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Euclidean distance, the measure face-api documents (0.6 on its unnormalized descriptors). */
export function euclideanDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) {
    throw new RangeError(`[vision] euclideanDistance: vectors differ in length (${a.length} vs ${b.length})`);
  }
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
}

/**
 * The unit-length mean direction of several embeddings: each is normalized first so that no single
 * reference photo dominates by its norm.
 */
export function centroid(embeddings: readonly ArrayLike<number>[]): Float32Array {
  const first = embeddings[0];
  if (!first) throw new RangeError('[vision] centroid: needs at least one embedding');
  const sum = new Float64Array(first.length);
  for (const e of embeddings) {
    if (e.length !== first.length) {
      throw new RangeError(`[vision] centroid: embeddings differ in length (${e.length} vs ${first.length})`);
    }
    const unit = l2Normalize(e);
    for (let i = 0; i < unit.length; i++) sum[i]! += unit[i]!;
  }
  return l2Normalize(sum);
}
