/**
 * What the fake Gemini TTS model says: headerless s16le mono PCM at 24 kHz (the real wire format),
 * shaped like speech so word alignment has something real to find: each word is a voiced burst
 * (a 120 Hz pulse train through two formant-like resonances, with an attack and decay), words are
 * 60 ms apart, and a clause end (, ; : . ! ?) leaves a 350 ms pause. Deterministic.
 */
export const SPEECH_RATE = 24_000;
export const FAKE_SPEECH = { leadS: 0.15, perLetterS: 0.055, minWordS: 0.16, wordGapS: 0.06, clausePauseS: 0.35, tailS: 0.2 };

/** Where each word sounds, in seconds (what a test can compare an alignment with). */
export function fakeSpeechLayout(text) {
  const words = text.split(/\s+/).filter(Boolean).slice(0, 600);
  const layout = [];
  let at = FAKE_SPEECH.leadS;
  for (const word of words) {
    const length = Math.max(FAKE_SPEECH.minWordS, word.replace(/[^\p{L}\p{N}]/gu, '').length * FAKE_SPEECH.perLetterS);
    layout.push({ text: word, startS: at, endS: at + length });
    at += length + (/[,;:.!?]["')\]]*$/.test(word) ? FAKE_SPEECH.clausePauseS : FAKE_SPEECH.wordGapS);
  }
  return { words: layout, durationS: at + FAKE_SPEECH.tailS };
}

export function fakeSpeechPcm(text) {
  const { words, durationS } = fakeSpeechLayout(text);
  const pcm = Buffer.alloc(Math.ceil(durationS * SPEECH_RATE) * 2);
  words.forEach((word, w) => {
    const start = Math.round(word.startS * SPEECH_RATE);
    const length = Math.round((word.endS - word.startS) * SPEECH_RATE);
    const f1 = 500 + (w % 4) * 120;
    const f2 = 1500 + (w % 3) * 300;
    for (let i = 0; i < length; i++) {
      const t = i / SPEECH_RATE;
      // Attack 20 ms, decay over the last 30 %: a syllable's loudness curve.
      const envelope = Math.min(1, t / 0.02) * Math.min(1, (length - i) / (0.3 * length));
      const pitch = 120 * (1 + 0.05 * Math.sin(2 * Math.PI * 3 * t));
      const phase = 2 * Math.PI * pitch * t;
      let v = 0;
      // A few harmonics weighted by distance to the two resonances.
      for (let h = 1; h <= 20; h++) {
        const f = h * pitch;
        const weight = 1 / (1 + ((f - f1) / 150) ** 2) + 0.6 / (1 + ((f - f2) / 250) ** 2);
        v += weight * Math.sin(h * phase);
      }
      pcm.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(4000 * envelope * v))), (start + i) * 2);
    }
  });
  return pcm;
}
