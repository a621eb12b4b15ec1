import { similarityToCharacter, type CharacterProfile } from './character-profile';

/** The faces found in one image or video frame, each with its embedding (null if not embeddable). */
export interface FrameFaces {
  /** Seconds into a video, or an index for stills. */
  at: number;
  faces: { embedding: ArrayLike<number> | null }[];
}

export type FrameVerdict =
  | { at: number; status: 'match'; faceIndex: number; similarity: number }
  | { at: number; status: 'other_faces'; faceIndex: number; similarity: number }
  | { at: number; status: 'no_face' };

export interface ConsistencyReport {
  character: string;
  threshold: number;
  /** Share of frames with a face where the character was recognised, 0..1 (null: no faces at all). */
  score: number | null;
  /** Mean best similarity over frames with a face (null: no faces at all). */
  meanSimilarity: number | null;
  /** Lowest best similarity over frames with a face: the worst drift. */
  minSimilarity: number | null;
  framesWithFace: number;
  frames: FrameVerdict[];
}

/**
 * How consistently a character appears across frames: in each frame, the face most similar to the
 * character decides; the frame matches when it reaches the threshold. Frames without a usable face
 * are reported but do not count against the character (a cutaway is not identity drift).
 */
export function scoreCharacterConsistency(character: CharacterProfile, frames: readonly FrameFaces[], threshold: number): ConsistencyReport {
  const verdicts: FrameVerdict[] = frames.map((frame) => {
    let faceIndex = -1;
    let similarity = -Infinity;
    frame.faces.forEach((face, i) => {
      if (!face.embedding) return;
      const s = similarityToCharacter(face.embedding, character);
      if (s > similarity) {
        similarity = s;
        faceIndex = i;
      }
    });
    if (faceIndex < 0) return { at: frame.at, status: 'no_face' };
    return { at: frame.at, status: similarity >= threshold ? 'match' : 'other_faces', faceIndex, similarity };
  });
  const withFace = verdicts.filter((v): v is Exclude<FrameVerdict, { status: 'no_face' }> => v.status !== 'no_face');
  const sims = withFace.map((v) => v.similarity);
  return {
    character: character.name,
    threshold,
    score: withFace.length ? withFace.filter((v) => v.status === 'match').length / withFace.length : null,
    meanSimilarity: sims.length ? sims.reduce((a, b) => a + b, 0) / sims.length : null,
    minSimilarity: sims.length ? Math.min(...sims) : null,
    framesWithFace: withFace.length,
    frames: verdicts,
  };
}
