import type { BeatAnalysis } from '../../audio/analyze-beats';

export type AudioAnalysisResult =
  | { ok: true; analysis: BeatAnalysis }
  | { ok: false; code: 'asset_not_found' | 'not_audio' | 'decode_failed'; message: string };

/**
 * Tempo, beats and energy of a project audio asset. The app decodes in its audio worker and runs
 * core/audio's analyzeBeats; tests use makeWavAudioAnalyzer (PCM WAV, same analyzeBeats).
 */
export interface AudioAnalyzer {
  analyze(assetName: string, signal?: AbortSignal): Promise<AudioAnalysisResult>;
}
