import { MediaError } from '../../../core/media/media-error';
import { RunnerError, type NodeRunner } from '../../../core/graph/node-runner';
import { makeCharacterProfile, type CharacterProfile } from '../../../core/vision/character-profile';
import { scoreCharacterConsistency, type ConsistencyReport } from '../../../core/vision/character-consistency';
import { SAME_PERSON_THRESHOLD } from '../../../core/vision/identity-threshold';
import { ok } from '../../../core/util/result';
import type { DirectorDb } from '../../../db/database';
import { blobOf } from './asset-refs';
import { mediaWorker, visionWorker } from '../../workers/page-workers';
import { CANVAS_MEDIA_TIMEOUT_MS } from './last-frame';

/** Faces of an image blob: boxes, scores, embeddings (as plain arrays: outputs are stored as JSON-like data). */
async function facesOf(blob: Blob) {
  const bitmap = await createImageBitmap(blob);
  // The supervisor replaces a stuck or crashed worker, never waiting on it forever; the executor retries the node.
  const result = await visionWorker()
    .call('analyze', [bitmap], { transfer: [bitmap] })
    .catch((error: unknown) => {
      if (error instanceof MediaError && error.code === 'timeout') throw new RunnerError('timeout', 'Face analysis did not answer in time; it was restarted.', { retryable: true });
      throw new RunnerError('vision_failed', `Face analysis failed: ${(error as Error).message}`, { retryable: true });
    });
  return {
    width: result.width,
    height: result.height,
    faces: result.faces.map((f) => ({ box: f.box, score: f.score, embedding: f.embedding ? Array.from(f.embedding) : null })),
    issues: result.issues,
  };
}

/** A stored character: its profile (embeddings as arrays) and the reference images. */
export interface CharacterOutput {
  name: string;
  centroid: number[];
  references: number[][];
  referenceAssetIds: string[];
}

export function profileOf(character: CharacterOutput): CharacterProfile {
  return { name: character.name, centroid: Float32Array.from(character.centroid), references: character.references.map((r) => Float32Array.from(r)), minReferenceSimilarity: 0 };
}

/** How consistently a character appears in a video: a few frames sampled, faces matched. */
export async function consistencyOf(video: Blob, name: string, character: CharacterOutput, samples = 6): Promise<ConsistencyReport> {
  const strip = await mediaWorker().call('thumbnailStrip', [video, { count: samples, width: 640 }], { fileName: name, timeoutMs: CANVAS_MEDIA_TIMEOUT_MS });
  const frames = [];
  for (const [i, frame] of (strip.frames ?? []).entries()) {
    const found = await facesOf(frame.image);
    frames.push({ at: frame.timestampSec ?? i, faces: found.faces.map((f) => ({ embedding: f.embedding })) });
  }
  return scoreCharacterConsistency(profileOf(character), frames, SAME_PERSON_THRESHOLD);
}

export function makeVisionRunners(db: DirectorDb): Record<string, NodeRunner> {
  return {
    'face-analysis': {
      async run(ctx) {
        const image = await blobOf(db, ctx.inputs.image, 'Image input');
        ctx.progress(0.2, 'finding faces');
        const p = ctx.params as { maxFaces: number; minConfidence: number };
        const found = await facesOf(image.blob);
        // The most confident faces the node asks for, best first.
        const faces = found.faces.filter((f) => f.score >= p.minConfidence).sort((a, b) => b.score - a.score).slice(0, p.maxFaces);
        // The image's asset id rides along so the node can draw the boxes over it.
        return ok({ faces: { ...found, faces, imageAssetId: (ctx.inputs.image as { assetId: string }).assetId } });
      },
    },
    character: {
      async run(ctx) {
        const photos = Array.isArray(ctx.inputs.photos) ? ctx.inputs.photos : [ctx.inputs.photos];
        const references: number[][] = [];
        const referenceAssetIds: string[] = [];
        for (const [i, ref] of photos.entries()) {
          const photo = await blobOf(db, ref, `Photo ${i + 1}`);
          ctx.progress((i + 0.5) / photos.length, `reading photo ${i + 1}`);
          const found = await facesOf(photo.blob);
          const usable = found.faces.filter((f) => f.embedding);
          if (usable.length !== 1)
            throw new RunnerError('bad_reference', `Photo ${i + 1} (${photo.name}) shows ${usable.length === 0 ? 'no usable face' : `${usable.length} faces`}; a reference photo needs exactly one.`, { retryable: false });
          references.push(usable[0]!.embedding!);
          referenceAssetIds.push((ref as { assetId: string }).assetId);
        }
        const profile = makeCharacterProfile(String(ctx.params.name ?? 'Character'), references.map((r) => Float32Array.from(r)));
        const character: CharacterOutput = { name: profile.name, centroid: Array.from(profile.centroid), references, referenceAssetIds };
        return ok({ character });
      },
    },
  };
}
