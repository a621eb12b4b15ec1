import { describe, expect, it } from 'vitest';
import ESpeakNg from 'espeak-ng';
import { decodeWavChannels } from '../../../src/core/audio/wav';
import { alignWordsToAudio, splitClauses, syllables } from '../../../src/core/narration/align-words';
import { espeakArguments, parseEspeakVoiceList } from '../../../src/core/narration/espeak-voices';

const RATE = 16_000;

/** A recording with sound where `spans` say (seconds) and silence elsewhere. */
function bursts(totalS: number, spans: [number, number][]): Float32Array {
  const pcm = new Float32Array(totalS * RATE);
  for (const [a, b] of spans) for (let i = Math.round(a * RATE); i < Math.round(b * RATE); i++) pcm[i] = 0.3 * Math.sin(i * 0.2);
  return pcm;
}

describe('alignWordsToAudio', () => {
  it('puts each clause in its own stretch of speech, split at the pauses', () => {
    const pcm = bursts(6, [
      [0.5, 2.0],
      [2.4, 3.1],
      [3.5, 5.5],
    ]);
    const words = alignWordsToAudio('One two three, four. Five six seven eight.', pcm, RATE);
    expect(words.map((w) => w.text)).toEqual(['One', 'two', 'three,', 'four.', 'Five', 'six', 'seven', 'eight.']);
    expect(words[0]!.startS).toBeCloseTo(0.5, 2);
    expect(words[2]!.endS).toBeCloseTo(2.0, 2);
    expect(words[3]!.startS).toBeCloseTo(2.4, 2);
    expect(words[3]!.endS).toBeCloseTo(3.1, 2);
    expect(words[4]!.startS).toBeCloseTo(3.5, 2);
    expect(words[7]!.endS).toBeCloseTo(5.5, 2);
    for (let i = 1; i < words.length; i++) expect(words[i]!.startS).toBeGreaterThanOrEqual(words[i - 1]!.endS);
  });

  it('uses the longest pauses when there are more pauses than clause boundaries', () => {
    const pcm = bursts(4, [
      [0, 0.8],
      [0.9, 1.5], // a short breath inside the first clause
      [2.0, 3.5],
    ]);
    const words = alignWordsToAudio('Alpha beta, gamma delta.', pcm, RATE);
    expect(words[1]!.endS).toBeCloseTo(1.5, 2);
    expect(words[2]!.startS).toBeCloseTo(2.0, 2);
  });

  it('shares the speech span by syllables when there are not enough pauses, and weights by phonemes when given', () => {
    const pcm = bursts(3, [[0.2, 2.2]]);
    const bySyllable = alignWordsToAudio('a banana', pcm, RATE);
    expect(bySyllable[1]!.endS - bySyllable[1]!.startS).toBeCloseTo(1.5, 2);
    const byPhoneme = alignWordsToAudio('a banana', pcm, RATE, { clausePhonemes: ['aaaaaaaaa b'] });
    expect(byPhoneme[0]!.endS - byPhoneme[0]!.startS).toBeCloseTo(1.8, 2);
    expect(alignWordsToAudio('a b', new Float32Array(RATE), RATE).map((w) => w.endS)).toEqual([0.5, 1]);
    expect(alignWordsToAudio('   ', pcm, RATE)).toEqual([]);
  });

  it('aligns real eSpeak NG speech: clause starts land after its pauses and times move forward', async () => {
    const text = 'The river carries sand, and the delta grows each year.';
    const lines: string[] = [];
    const espeak = await ESpeakNg({ arguments: espeakArguments(text, { voice: 'en-us', speed: 1, pitch: 0 }, '/o.wav'), print: (l: string) => lines.push(l), printErr: () => {} });
    const wav = decodeWavChannels(espeak.FS.readFile('/o.wav'))!;
    const words = alignWordsToAudio(text, wav.channels[0]!, wav.sampleRate, { clausePhonemes: lines });
    expect(lines).toHaveLength(2);
    expect(words).toHaveLength(10);
    // A pause separates "sand," from "and".
    expect(words[4]!.startS - words[3]!.endS).toBeGreaterThan(0.08);
    expect(words[9]!.endS).toBeLessThanOrEqual(wav.channels[0]!.length / wav.sampleRate);
    for (let i = 1; i < words.length; i++) expect(words[i]!.startS).toBeGreaterThanOrEqual(words[i - 1]!.endS);
  }, 20_000);
});

describe('text helpers', () => {
  it('splits clauses at punctuation and counts syllables', () => {
    expect(splitClauses('Hi, you. Go — now')).toEqual([['Hi,'], ['you.'], ['Go', '—'], ['now']]);
    expect([syllables('banana'), syllables('rhythm'), syllables('1991'), syllables('x')]).toEqual([3, 1, 8, 1]);
  });

  it('maps speed and pitch to eSpeak NG arguments and refuses odd voice names', () => {
    expect(espeakArguments('Hi', { voice: 'en-gb', speed: 1.2, pitch: -2 }, '/o.wav')).toEqual(['-v', 'en-gb', '-s', '198', '-p', '38', '-x', '-w', '/o.wav', 'Hi']);
    expect(espeakArguments('-w /etc/x', { voice: '--foo', speed: 99, pitch: 99 }, '/o.wav')).toEqual(['-v', 'en-us', '-s', '450', '-p', '99', '-x', '-w', '/o.wav', ' -w /etc/x']);
  });

  it('reads the voice list', () => {
    const voices = parseEspeakVoiceList([
      'Pty Language       Age/Gender VoiceName          File                 Other Languages',
      ' 5  en-us           --/M      English_(America)  gmw/en-US            (en 2)',
      ' 5  de              --/M      German             gmw/de',
    ]);
    expect(voices).toEqual([
      { id: 'en-us', label: 'English (America) (en-us), offline (eSpeak NG)', language: 'en-us' },
      { id: 'de', label: 'German (de), offline (eSpeak NG)', language: 'de' },
    ]);
  });
});
