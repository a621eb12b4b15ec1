import * as Comlink from 'comlink';
import type { AnalyzeBeatsOptions, BeatAnalysis } from '../../core/audio/analyze-beats';
import type { AudioWorkerApi } from '../../../workers/audio.worker';

let worker: Comlink.Remote<AudioWorkerApi> | null = null;

/** Tempo, beats and energy of an audio blob, in the audio worker (decoded there too). */
export async function analyzeAudioBlob(blob: Blob, name: string, analyze: Partial<AnalyzeBeatsOptions> = {}): Promise<BeatAnalysis> {
  if (!worker) {
    worker = Comlink.wrap<AudioWorkerApi>(new Worker(new URL('../../../workers/audio.worker.ts', import.meta.url), { type: 'module', name: 'audio' }));
    await worker.init({ ffmpeg: { coreBaseUrl: new URL('/wasm/ffmpeg/', location.origin).href } });
  }
  return worker.analyzeFile(blob, { analyze }, name);
}
