import type { VoiceSettings } from './narration-types.ts';

/** One eSpeak NG voice as the UI lists it. */
export interface OfflineVoice {
  id: string;
  label: string;
  language: string;
}

export const OFFLINE_VOICE_LABEL = 'offline (eSpeak NG)';
/** eSpeak NG's words per minute at speed 1 (its own default is 175; a little slower reads better). */
const BASE_WORDS_PER_MINUTE = 165;
/**
 * eSpeak NG's pitch is 0..99 around 50, not semitones. Measured on en-us (median F0 by
 * autocorrelation): -p 30 / 50 / 70 speak at 85 / 102 / 125 Hz, about 6 units per semitone.
 */
const PITCH_UNITS_PER_SEMITONE = 6;

/**
 * The voices in `espeak-ng --voices` output: "Pty Language Age/Gender VoiceName File Other".
 * The id is the language code (what `-v` takes).
 */
export function parseEspeakVoiceList(lines: readonly string[]): OfflineVoice[] {
  const voices: OfflineVoice[] = [];
  for (const line of lines) {
    const m = /^\s*\d+\s+(\S+)\s+\S+\s+(\S+)\s+\S+/.exec(line);
    if (!m) continue;
    const [, language, name] = m as unknown as [string, string, string];
    voices.push({ id: language, label: `${name.replace(/_/g, ' ')} (${language}), ${OFFLINE_VOICE_LABEL}`, language });
  }
  return voices;
}

/** The command line for one synthesis: voice, speed and pitch mapped to -v, -s and -p; phonemes to stdout (-x). */
export function espeakArguments(text: string, settings: Pick<VoiceSettings, 'voice' | 'speed' | 'pitch'>, outPath: string): string[] {
  const voice = /^[a-z]{2,3}(?:-[a-z0-9-]+)?(?:\+[a-z0-9]+)?$/i.test(settings.voice) ? settings.voice : 'en-us';
  const speed = Number.isFinite(settings.speed) ? settings.speed : 1;
  const pitch = Number.isFinite(settings.pitch) ? settings.pitch : 0;
  const wordsPerMinute = Math.round(Math.min(450, Math.max(80, BASE_WORDS_PER_MINUTE * speed)));
  const pitchUnits = Math.round(Math.min(99, Math.max(0, 50 + pitch * PITCH_UNITS_PER_SEMITONE)));
  // `--` would be ideal, but eSpeak's CLI does not take it; text starting with '-' is guarded by a space.
  const safeText = text.startsWith('-') ? ` ${text}` : text;
  return ['-v', voice, '-s', String(wordsPerMinute), '-p', String(pitchUnits), '-x', '-w', outPath, safeText];
}
