/**
 * Narration of one text with the project's voice: offline (eSpeak NG in the voice worker) or
 * cloud (Gemini text-to-speech through the edge, key held there). Both come back as a WAV with
 * word timings aligned to the audio (core's alignWordsToAudio), ready for subtitles.
 */
import { encodeWav } from '../../core/audio/wav';
import { alignWordsToAudio } from '../../core/narration/align-words';
import { OFFLINE_VOICE_LABEL } from '../../core/narration/espeak-voices';
import { GEMINI_VOICES, geminiSpeechPcm, geminiSpeechRequest } from '../../core/narration/gemini-speech';
import type { NarrationAudio, VoiceProvider, VoiceSettings } from '../../core/narration/narration-types';
import { loadSettings } from '../../db/settings-repo';
import { db } from '../db';
import { callEdge } from '../edge/edge-client';
import { voiceWorker } from '../workers/page-workers';

export async function narrate(text: string, settings: VoiceSettings, signal?: AbortSignal): Promise<NarrationAudio> {
  signal?.throwIfAborted();
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) throw new Error('There is no text to narrate.');
  return settings.provider === 'cloud' ? narrateInCloud(clean, settings, signal) : narrateOffline(clean, settings, signal);
}

async function narrateOffline(text: string, settings: VoiceSettings, signal?: AbortSignal): Promise<NarrationAudio> {
  const result = await raceAbort(voiceWorker().call('narrate', [text, { voice: settings.voice, speed: settings.speed, pitch: settings.pitch }]), signal);
  return { wav: new Blob([result.wav], { type: 'audio/wav' }), durationS: result.durationS, words: result.words, provider: 'offline', voice: settings.voice };
}

async function narrateInCloud(text: string, settings: VoiceSettings, signal?: AbortSignal): Promise<NarrationAudio> {
  const model = (await loadSettings(db)).models.speech;
  const response = await callEdge(`/api/gemini/v1beta/models/${encodeURIComponent(model)}:generateContent`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(geminiSpeechRequest(text, settings.voice)),
    ...(signal ? { signal } : {}),
  });
  const answer: unknown = await response.json().catch(() => null);
  if (answer === null) throw new Error('The cloud voice answered with something that is not JSON.');
  const audio = geminiSpeechPcm(answer);
  if (!audio.ok) throw new Error(audio.message);
  const words = alignWordsToAudio(text, audio.value.pcm, audio.value.sampleRate);
  return {
    wav: new Blob([encodeWav([audio.value.pcm], audio.value.sampleRate)], { type: 'audio/wav' }),
    durationS: audio.value.pcm.length / audio.value.sampleRate,
    words,
    provider: 'cloud',
    voice: settings.voice,
  };
}

/** The voices a provider offers: eSpeak NG's from its own data, or Gemini's prebuilt voices. */
export async function listVoices(provider: VoiceProvider): Promise<{ id: string; label: string; language: string }[]> {
  if (provider === 'cloud') return GEMINI_VOICES.map((v) => ({ id: v.id, label: `${v.id} (${v.character}), cloud (Gemini)`, language: 'multilingual' }));
  const voices = await voiceWorker().call('voices', []);
  return voices.map((v) => ({ ...v, label: v.label.includes(OFFLINE_VOICE_LABEL) ? v.label : `${v.label}, ${OFFLINE_VOICE_LABEL}` }));
}

/** The worker call cannot be interrupted from inside; a cancelled narration stops waiting for it. */
function raceAbort<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new DOMException('Narration was cancelled.', 'AbortError'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
