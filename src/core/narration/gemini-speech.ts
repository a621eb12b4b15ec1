import { decodeBase64 } from '../util/base64.ts';
import { err, ok, type Result } from '../util/result.ts';

/** Gemini's prebuilt TTS voices and the character Google's speech-generation page gives each. */
export const GEMINI_VOICES: readonly { id: string; character: string }[] = [
  ['Zephyr', 'bright'], ['Puck', 'upbeat'], ['Charon', 'informative'], ['Kore', 'firm'], ['Fenrir', 'excitable'],
  ['Leda', 'youthful'], ['Orus', 'firm'], ['Aoede', 'breezy'], ['Callirrhoe', 'easy-going'], ['Autonoe', 'bright'],
  ['Enceladus', 'breathy'], ['Iapetus', 'clear'], ['Umbriel', 'easy-going'], ['Algieba', 'smooth'], ['Despina', 'smooth'],
  ['Erinome', 'clear'], ['Algenib', 'gravelly'], ['Rasalgethi', 'informative'], ['Laomedeia', 'upbeat'], ['Achernar', 'soft'],
  ['Alnilam', 'firm'], ['Schedar', 'even'], ['Gacrux', 'mature'], ['Pulcherrima', 'forward'], ['Achird', 'friendly'],
  ['Zubenelgenubi', 'casual'], ['Vindemiatrix', 'gentle'], ['Sadachbia', 'lively'], ['Sadaltager', 'knowledgeable'], ['Sulafat', 'warm'],
].map(([id, character]) => ({ id: id!, character: character! }));

export const DEFAULT_GEMINI_VOICE = 'Kore';

/**
 * generateContent body for a TTS model: the text as the only part, audio out, one prebuilt voice.
 * Gemini TTS has no speed or pitch parameter (it is steered by words in the prompt); we send the
 * text alone so the audio says exactly the words we align subtitles to.
 */
export function geminiSpeechRequest(text: string, voice: string): unknown {
  const voiceName = GEMINI_VOICES.some((v) => v.id === voice) ? voice : DEFAULT_GEMINI_VOICE;
  return {
    contents: [{ role: 'user', parts: [{ text }] }],
    generationConfig: {
      responseModalities: ['AUDIO'],
      speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName } } },
    },
  };
}

/** Mono PCM from a TTS answer: the inlineData part, `audio/L16;codec=pcm;rate=24000` (s16le). */
export function geminiSpeechPcm(answer: unknown): Result<{ pcm: Float32Array; sampleRate: number }, 'no_audio' | 'bad_audio'> {
  const parts = (answer as { candidates?: { content?: { parts?: { inlineData?: { mimeType?: string; data?: string } }[] } }[] })?.candidates?.[0]?.content?.parts;
  const inline = parts?.find((p) => typeof p?.inlineData?.data === 'string')?.inlineData;
  if (!inline?.data) return err('no_audio', 'The cloud voice answered without audio.');
  const mime = (inline.mimeType ?? '').toLowerCase();
  if (!/^audio\/l16\b/.test(mime) && !/^audio\/pcm\b/.test(mime)) return err('bad_audio', `The cloud voice sent "${mime.slice(0, 60)}", not 16-bit PCM.`);
  const rate = Number(/rate=(\d+)/.exec(mime)?.[1] ?? 24_000);
  if (!(rate >= 8000 && rate <= 96_000)) return err('bad_audio', `The cloud voice sent an unusable sample rate (${rate}).`);
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64(inline.data);
  } catch {
    return err('bad_audio', 'The cloud voice sent audio that is not valid base64.');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pcm = new Float32Array(Math.floor(bytes.byteLength / 2));
  for (let i = 0; i < pcm.length; i++) pcm[i] = view.getInt16(i * 2, true) / 32768;
  if (pcm.length === 0) return err('no_audio', 'The cloud voice answered with empty audio.');
  return ok({ pcm, sampleRate: rate });
}
