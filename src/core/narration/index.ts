export { alignWordsToAudio, splitClauses, syllables, type AlignmentHints } from './align-words.ts';
export { espeakArguments, OFFLINE_VOICE_LABEL, parseEspeakVoiceList, type OfflineVoice } from './espeak-voices.ts';
export { DEFAULT_GEMINI_VOICE, GEMINI_VOICES, geminiSpeechPcm, geminiSpeechRequest } from './gemini-speech.ts';
export type * from './narration-types.ts';
