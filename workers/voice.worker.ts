/**
 * Voice worker (Comlink): the offline voice. eSpeak NG synthesises the text, and the words are
 * timed against the audio with core's alignWordsToAudio (pauses + eSpeak's phonemes). The wasm
 * is emitted by Vite from the package and precached by the service worker: never fetched from
 * anywhere but our origin.
 */
import * as Comlink from 'comlink';
import wasmUrl from 'espeak-ng/dist/espeak-ng.wasm?url';
import { encodeWav } from '../src/core/audio/wav.ts';
import { alignWordsToAudio } from '../src/core/narration/align-words.ts';
import type { OfflineVoice } from '../src/core/narration/espeak-voices.ts';
import type { VoiceSettings, WordTiming } from '../src/core/narration/narration-types.ts';
import { createEspeakEngine } from './voice/espeak-engine.ts';

/** Longer texts are narrated scene by scene by the caller. */
const MAX_TEXT_CHARS = 20_000;

export interface OfflineNarration {
  /** 16-bit mono WAV bytes. */
  wav: Uint8Array<ArrayBuffer>;
  sampleRate: number;
  durationS: number;
  words: WordTiming[];
  /** Milliseconds spent synthesising and aligning. */
  synthMs: number;
}

const engine = createEspeakEngine(async () => {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`The offline voice could not load its data (${response.status}).`);
  return WebAssembly.compile(await response.arrayBuffer());
});

const api = {
  async narrate(text: string, settings: Pick<VoiceSettings, 'voice' | 'speed' | 'pitch'>): Promise<OfflineNarration> {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!clean) throw new Error('There is no text to narrate.');
    if (clean.length > MAX_TEXT_CHARS) throw new Error(`The text is ${clean.length} characters; narrate at most ${MAX_TEXT_CHARS} at a time (one scene at a time).`);
    const start = performance.now();
    const speech = await engine.speak(clean, settings);
    const words = alignWordsToAudio(clean, speech.pcm, speech.sampleRate, { clausePhonemes: speech.phonemeLines });
    const wav = encodeWav([speech.pcm], speech.sampleRate);
    const narration = { wav, sampleRate: speech.sampleRate, durationS: speech.pcm.length / speech.sampleRate, words, synthMs: performance.now() - start };
    return Comlink.transfer(narration, [wav.buffer]);
  },

  voices(): Promise<OfflineVoice[]> {
    return engine.voices();
  },
};

export type VoiceWorkerApi = typeof api;
Comlink.expose(api);
