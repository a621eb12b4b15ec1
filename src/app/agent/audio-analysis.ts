import type { AnalyzeBeatsOptions, BeatAnalysis } from '../../core/audio/analyze-beats';
import { audioWorker } from '../workers/page-workers';

/** Tempo, beats and energy of an audio blob, in the page's supervised audio worker (decoded there too). */
export function analyzeAudioBlob(blob: Blob, name: string, analyze: Partial<AnalyzeBeatsOptions> = {}): Promise<BeatAnalysis> {
  return audioWorker().call('analyzeFile', [blob, { analyze }, name], { fileName: name });
}
