import { centroid, cosineSimilarity } from './embedding-math';

/** A character's identity as the app stores it: reference embeddings and their centroid. */
export interface CharacterProfile {
  name: string;
  /** Unit-length mean of the references. */
  centroid: Float32Array;
  references: Float32Array[];
  /** Lowest similarity of a reference to the centroid: how consistent the references are. */
  minReferenceSimilarity: number;
}

/** Builds a character from the embeddings of its reference photos (one face per photo). */
export function makeCharacterProfile(name: string, references: readonly Float32Array[]): CharacterProfile {
  if (references.length === 0) throw new RangeError(`[vision] character "${name}": needs at least one reference embedding`);
  const c = centroid(references);
  return {
    name,
    centroid: c,
    references: [...references],
    minReferenceSimilarity: Math.min(...references.map((r) => cosineSimilarity(r, c))),
  };
}

/**
 * Similarity of a face to a character: the better of the centroid and the closest reference, so a
 * character with varied references (profile, glasses) still matches each of its looks.
 */
export function similarityToCharacter(embedding: ArrayLike<number>, character: CharacterProfile): number {
  let best = cosineSimilarity(embedding, character.centroid);
  for (const r of character.references) best = Math.max(best, cosineSimilarity(embedding, r));
  return best;
}
