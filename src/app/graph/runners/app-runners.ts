import { ok } from '../../../core/util/result';
import { systemClock, type Clock } from '../../../core/graph/clock';
import { RunnerError, type NodeRunner } from '../../../core/graph/node-runner';
import type { DirectorDb } from '../../../db/database';
import { atBeatLevel, type BeatLevel } from '../../../core/audio/beat-level';
import { blobOf } from './asset-refs';
import { makeVideoJobRunner } from './video-job-runner';
import { makeAssemblyRunners } from './assembly-runners';
import { makeEnhanceRunner } from './enhance-runner';
import { makeVisionRunners } from './vision-runners';
import { makeComfyJobRunner } from '../../comfyui/comfy-job-runner';

/** Upload nodes pass their file on as an asset reference. */
const upload = (port: 'image' | 'audio', what: string): NodeRunner => ({
  async run(ctx) {
    const assetId = ctx.params.assetId;
    if (typeof assetId !== 'string' || !assetId) throw new RunnerError('missing_input', `Choose ${what} for this node first.`, { retryable: false });
    return ok({ [port]: { assetId } });
  },
});

/** The app's runner for each node kind; `clock` is the executor's, so polling waits are as testable as its backoff. */
export function makeAppRunners(db: DirectorDb, projectId: string, clock: Clock = systemClock): Record<string, NodeRunner> {
  return {
    ...makeVisionRunners(db),
    ...makeAssemblyRunners(db, projectId),
    enhance: makeEnhanceRunner(db),
    prompt: { run: async (ctx) => ok({ text: String(ctx.params.text ?? '') }) },
    image: upload('image', 'an image'),
    audio: upload('audio', 'an audio file'),
    beats: {
      async run(ctx) {
        const audio = await blobOf(db, ctx.inputs.audio, 'Audio input');
        ctx.progress(0.1, 'analysing');
        const { analyzeAudioBlob } = await import('../../agent/audio-analysis');
        const p = ctx.params as { minBpm: number; maxBpm: number; downbeats: boolean; level?: BeatLevel };
        const detected = await analyzeAudioBlob(audio.blob, audio.name, { tempo: { minBpm: p.minBpm, maxBpm: p.maxBpm } });
        const analysis = atBeatLevel(detected, p.level ?? 'detected');
        // The audio's asset id rides along so the node can draw the waveform under its beats.
        const audioAssetId = (ctx.inputs.audio as { assetId: string }).assetId;
        return ok({ beats: { bpm: analysis.bpm, beats: analysis.beats, downbeats: p.downbeats ? analysis.downbeats : [], durationSec: analysis.durationSec, audioAssetId } });
      },
    },
    'veo-video': makeVideoJobRunner(db, projectId, 'veo', 'veo', 'veo', clock),
    extend: makeVideoJobRunner(db, projectId, 'veo', 'extend', 'extend', clock),
    'runway-video': makeVideoJobRunner(db, projectId, 'runway', 'runway', 'runway', clock),
    'sora-video': makeVideoJobRunner(db, projectId, 'openai', 'sora', 'sora', clock),
    comfyui: makeComfyJobRunner(db, projectId, { clock }),
  };
}
