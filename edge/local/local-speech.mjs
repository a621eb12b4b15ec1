// The local Gemini TTS model's voice: eSpeak NG (the app's own offline voice, from the espeak-ng
// package) run in Node, resampled to what Gemini TTS sends: s16le mono PCM at 24 kHz. A real voice
// saying the real words, so a voiceover made without keys is audible and its subtitles line up.
import ESpeakNg from 'espeak-ng';

const OUT_RATE = 24_000;
const MAX_WORDS = 2_000;

/** @param {string} text @returns {Promise<Buffer>} */
export async function localSpeechPcm(text) {
  const words = text.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS).join(' ');
  const safe = words.startsWith('-') ? ` ${words}` : words;
  const espeak = await ESpeakNg({ arguments: ['-v', 'en-us', '-s', '165', '-w', '/out.wav', safe || '.'], print: () => {}, printErr: () => {} });
  return resampleWav(Buffer.from(espeak.FS.readFile('/out.wav')));
}

/** eSpeak's 16-bit mono WAV → 24 kHz s16le by linear interpolation (speech has nothing near the top). */
function resampleWav(wav) {
  let at = 12;
  let rate = 22_050;
  let data = null;
  while (at + 8 <= wav.length) {
    const id = wav.toString('ascii', at, at + 4);
    let size = wav.readUInt32LE(at + 4);
    if (id === 'fmt ') rate = wav.readUInt32LE(at + 12);
    if (id === 'data') {
      if (size === 0 || at + 8 + size > wav.length) size = wav.length - at - 8;
      data = wav.subarray(at + 8, at + 8 + size);
      break;
    }
    at += 8 + size + (size % 2);
  }
  if (!data) return Buffer.alloc(0);
  const inCount = Math.floor(data.length / 2);
  const outCount = Math.floor((inCount * OUT_RATE) / rate);
  const out = Buffer.alloc(outCount * 2);
  for (let i = 0; i < outCount; i++) {
    const pos = (i * rate) / OUT_RATE;
    const j = Math.floor(pos);
    const a = data.readInt16LE(Math.min(j, inCount - 1) * 2);
    const b = data.readInt16LE(Math.min(j + 1, inCount - 1) * 2);
    out.writeInt16LE(Math.round(a + (b - a) * (pos - j)), i * 2);
  }
  return out;
}
