/**
 * Audio worker (Comlink): beats, tempo, downbeats, energy and sections (src/core/audio's
 * analyzeBeats) of PCM, or of a file decoded by the media worker's own decode code. Analysis is
 * synchronous and cannot be interrupted from inside: callers use workers/media/supervised-worker.ts,
 * whose time limit terminates and replaces a worker that runs too long.
 */
import * as Comlink from 'comlink';
import { analyzeBeats, type AnalyzeBeatsOptions, type BeatAnalysis } from '../src/core/audio/index.ts';
import { mixSoundtrackPcm, type PcmSoundtrack, type PcmSoundtrackInput } from '../src/core/audio/mix-soundtrack.ts';
import { MediaError, describeError, mediaErrorFrom } from '../src/core/media/index.ts';
import { decodeAudio } from './media/decode-audio.ts';
import type { EngineChoice } from './media/engine-fallback.ts';
import { createFfmpegEngine, type FfmpegAssets, type FfmpegEngine } from './media/ffmpeg-engine.ts';
import { nameOf } from './media/media-source.ts';

/** Beat analysis needs nothing above ~11 kHz; 22050 Hz is what analyzeBeats would decimate 44.1 kHz to. */
export const ANALYSIS_SAMPLE_RATE = 22_050;

export interface BeatReport extends BeatAnalysis {
  /** Milliseconds spent decoding (0 for PCM input) and analysing. */
  decodeMs: number;
  analyzeMs: number;
  engine: 'pcm' | 'mediabunny' | 'ffmpeg';
}

let ffmpeg: FfmpegEngine | null = null;

const api = {
  init(options: { ffmpeg?: FfmpegAssets } = {}): void {
    ffmpeg?.dispose();
    ffmpeg = options.ffmpeg ? createFfmpegEngine(options.ffmpeg) : null;
  },

  /** analyzeBeats on mono PCM. Transfer the PCM's buffer to avoid a copy. */
  analyzePcm(pcm: Float32Array, sampleRate: number, options: Partial<AnalyzeBeatsOptions> = {}): BeatReport {
    const start = performance.now();
    const analysis = analyzeBeats(pcm, sampleRate, options);
    return { ...analysis, decodeMs: 0, analyzeMs: performance.now() - start, engine: 'pcm' };
  },

  /** Decodes any audio (or a video's audio) to mono at 22050 Hz, then analyses it. */
  async analyzeFile(file: Blob, options: { engine?: EngineChoice; analyze?: Partial<AnalyzeBeatsOptions> } = {}, name?: string): Promise<BeatReport> {
    const named = nameOf(file, name);
    try {
      const t0 = performance.now();
      const decoded = await decodeAudio(named, { sampleRate: ANALYSIS_SAMPLE_RATE, engine: options.engine }, ffmpeg);
      const t1 = performance.now();
      const analysis = analyzeBeats(decoded.pcm, decoded.sampleRate, options.analyze ?? {});
      return { ...analysis, decodeMs: t1 - t0, analyzeMs: performance.now() - t1, engine: decoded.engine };
    } catch (error) {
      throw mediaErrorFrom(error) ?? new MediaError('corrupt_or_truncated', named.name, describeError(error));
    }
  },
};

export type AudioWorkerApi = typeof api & {
  mixSoundtrack(input: PcmSoundtrackInput): PcmSoundtrack;
};

/** The soundtrack mix (ducking, loudness, limiting) off the page's thread; the decoded parts are transferred in and out. */
Object.assign(api, {
  mixSoundtrack(input: PcmSoundtrackInput): PcmSoundtrack {
    const mix = mixSoundtrackPcm(input);
    return Comlink.transfer(mix, [mix.channels[0].buffer, mix.channels[1].buffer]);
  },
});
Comlink.expose(api);
