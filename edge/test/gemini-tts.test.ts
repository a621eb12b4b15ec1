import { describe, expect, it } from 'vitest';
import { alignWordsToAudio } from '../../src/core/narration/align-words';
import { geminiSpeechPcm, geminiSpeechRequest } from '../../src/core/narration/gemini-speech';
import { fakeSpeechLayout } from './fakes/fake-speech.mjs';
import { edge, json } from './support/edge-client';

const TTS = '/api/gemini/v1beta/models/gemini-2.5-flash-preview-tts:generateContent';
const TEXT = 'The lighthouse keeper climbs the stairs, lights the lamp, and waits for the ships.';

/** The cloud voice's path: the app's own request body through the real edge (workerd) to the fake Gemini TTS. */
describe('Gemini text-to-speech through the edge', () => {
  it('returns 24 kHz 16-bit PCM that the app decodes, and word timings aligned to it', async () => {
    const res = await edge(TTS, json(geminiSpeechRequest(TEXT, 'Puck')));
    expect(res.status).toBe(200);
    const body = await res.json<any>();
    expect(body.candidates[0].content.parts[0].inlineData.mimeType).toBe('audio/L16;codec=pcm;rate=24000');

    const audio = geminiSpeechPcm(body);
    if (!audio.ok) throw new Error(audio.message);
    const expected = fakeSpeechLayout(TEXT);
    expect(audio.value.sampleRate).toBe(24_000);
    expect(audio.value.pcm.length / 24_000).toBeCloseTo(expected.durationS, 2);

    const words = alignWordsToAudio(TEXT, audio.value.pcm, audio.value.sampleRate);
    expect(words.map((w) => w.text)).toEqual(TEXT.split(' '));
    // Every word lands where the fake voice said it, within 30 ms (clauses at the pauses, words at their gaps).
    for (const [i, word] of words.entries()) {
      expect(Math.abs(word.startS - expected.words[i]!.startS)).toBeLessThan(0.03);
      expect(Math.abs(word.endS - expected.words[i]!.endS)).toBeLessThan(0.03);
    }
  });

  it('sends the voice the app asked for, and falls back to Kore for an unknown one', () => {
    const asked = geminiSpeechRequest('Hi', 'Puck') as any;
    expect(asked.generationConfig).toEqual({ responseModalities: ['AUDIO'], speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: 'Puck' } } } });
    expect((geminiSpeechRequest('Hi', '<script>') as any).generationConfig.speechConfig.voiceConfig.prebuiltVoiceConfig.voiceName).toBe('Kore');
  });

  it('reports an answer without audio in one sentence', () => {
    const none = geminiSpeechPcm({ candidates: [{ content: { parts: [{ text: 'I cannot say that.' }] } }] });
    expect(none).toEqual({ ok: false, code: 'no_audio', message: 'The cloud voice answered without audio.' });
    const wrong = geminiSpeechPcm({ candidates: [{ content: { parts: [{ inlineData: { mimeType: 'audio/mpeg', data: 'AAAA' } }] } }] });
    expect(wrong.ok).toBe(false);
  });
});
