import type { WordTiming } from './narration-types.ts';

/** Speech analysis frame. */
const FRAME_S = 0.01;
/** A silence at least this long inside speech is a pause a speaker makes at a comma or full stop. */
const MIN_PAUSE_S = 0.08;
/** Shorter silences can still separate words when a voice leaves gaps between them. */
const MIN_WORD_GAP_S = 0.03;
/** Frames this far under the loudest frame (or under -50 dBFS) are silence. */
const SILENCE_BELOW_PEAK_DB = 35;
const SILENCE_FLOOR_DB = -50;

const CLAUSE_END = /[,;:.!?…—–]["')\]]*$/;

export interface AlignmentHints {
  /**
   * The synthesiser's phonemes, one line per clause and one space-separated group per word
   * (eSpeak NG's `-x` output). Used for word weights when lines and words line up with the text.
   */
  clausePhonemes?: string[];
}

/**
 * Word timings for a known text in its own recording, without recognition:
 * 1. the text is split into clauses at punctuation, and the recording's pauses (silences of at
 *    least 80 ms) are found; the longest pauses, one per clause boundary, split the speech;
 * 2. inside each clause, when the recording leaves a gap (30 ms or more) between every pair of
 *    words, the longest gaps split the words; otherwise words share the clause's time in proportion
 *    to their phonemes when the synthesiser gave them, else to their syllables (vowel groups;
 *    digits count double).
 * When the recording has fewer pauses than the text has clauses, the whole speech span is shared
 * by all words the same way. Honest limits: timings inside a clause are estimates, good to a
 * syllable or so, which is what subtitles and word highlighting need.
 */
export function alignWordsToAudio(text: string, pcm: Float32Array, sampleRate: number, hints: AlignmentHints = {}): WordTiming[] {
  const clauses = splitClauses(text);
  const words = clauses.flat();
  if (words.length === 0) return [];
  const speech = speechFrames(pcm, sampleRate);
  const totalS = pcm.length / sampleRate;
  if (!speech) return distribute(words, weightsFor(clauses, hints).flat(), 0, totalS);

  const weights = weightsFor(clauses, hints);
  const pauses = pausesInside(speech.active, speech.first, speech.last);
  const spanStart = speech.first * FRAME_S;
  const spanEnd = Math.min(totalS, (speech.last + 1) * FRAME_S);
  if (clauses.length === 1 || pauses.length < clauses.length - 1) return placeClause(words, weights.flat(), speech.active, spanStart, spanEnd);

  // The longest pauses, one per clause boundary, in time order.
  const chosen = [...pauses]
    .sort((a, b) => b.end - b.start - (a.end - a.start))
    .slice(0, clauses.length - 1)
    .sort((a, b) => a.start - b.start);
  const out: WordTiming[] = [];
  let from = spanStart;
  clauses.forEach((clause, i) => {
    const pause = chosen[i];
    const to = pause ? pause.start * FRAME_S : spanEnd;
    out.push(...placeClause(clause, weights[i]!, speech.active, from, to));
    if (pause) from = pause.end * FRAME_S;
  });
  return out;
}

/** Words grouped into clauses; a clause ends with a word carrying , ; : . ! ? or a dash. */
export function splitClauses(text: string): string[][] {
  const clauses: string[][] = [];
  let current: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    current.push(word);
    if (CLAUSE_END.test(word)) {
      clauses.push(current);
      current = [];
    }
  }
  if (current.length > 0) clauses.push(current);
  return clauses;
}

function weightsFor(clauses: string[][], hints: AlignmentHints): number[][] {
  const lines = hints.clausePhonemes?.map((l) => l.trim()).filter(Boolean);
  return clauses.map((clause, i) => {
    const groups = lines && lines.length === clauses.length ? lines[i]!.split(/\s+/) : null;
    if (groups && groups.length === clause.length) return groups.map((g) => Math.max(1, g.replace(/['",%=_:]/g, '').length));
    return clause.map(syllables);
  });
}

/** Vowel groups, at least one; each digit is about two syllables when read out. */
export function syllables(word: string): number {
  const digits = (word.match(/\d/g) ?? []).length;
  const groups = (word.toLowerCase().match(/[aeiouyàâäéèêëïîôöùûüœæ]+/g) ?? []).length;
  return Math.max(1, groups + 2 * digits);
}

/** Words of one clause in [from, to]: at the recording's word gaps when there is one per boundary, else by weight. */
function placeClause(words: string[], weights: number[], active: Uint8Array, from: number, to: number): WordTiming[] {
  if (words.length > 1) {
    const gaps = silentRuns(active, Math.round(from / FRAME_S), Math.round(to / FRAME_S) - 1, Math.round(MIN_WORD_GAP_S / FRAME_S));
    if (gaps.length >= words.length - 1) {
      const chosen = [...gaps]
        .sort((a, b) => b.end - b.start - (a.end - a.start))
        .slice(0, words.length - 1)
        .sort((a, b) => a.start - b.start);
      return words.map((text, i) => ({
        text,
        startS: round(i === 0 ? from : chosen[i - 1]!.end * FRAME_S),
        endS: round(i === words.length - 1 ? to : chosen[i]!.start * FRAME_S),
      }));
    }
  }
  return distribute(words, weights, from, to);
}

function distribute(words: string[], weights: number[], from: number, to: number): WordTiming[] {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const span = Math.max(0, to - from);
  let at = from;
  return words.map((text, i) => {
    const startS = at;
    at = i === words.length - 1 ? to : at + (span * weights[i]!) / total;
    return { text, startS: round(startS), endS: round(Math.max(startS, at)) };
  });
}

const round = (s: number) => Math.round(s * 1000) / 1000;

/** Which 10 ms frames are speech, and the first and last speech frame; null for silence. */
function speechFrames(pcm: Float32Array, sampleRate: number): { active: Uint8Array; first: number; last: number } | null {
  const hop = Math.max(1, Math.round(sampleRate * FRAME_S));
  const frames = Math.floor(pcm.length / hop);
  const levels = new Float64Array(frames);
  let loudest = 0;
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let i = f * hop; i < (f + 1) * hop; i++) sum += pcm[i]! * pcm[i]!;
    levels[f] = Math.sqrt(sum / hop);
    if (levels[f]! > loudest) loudest = levels[f]!;
  }
  if (loudest === 0) return null;
  const threshold = Math.max(10 ** (SILENCE_FLOOR_DB / 20), loudest * 10 ** (-SILENCE_BELOW_PEAK_DB / 20));
  const active = new Uint8Array(frames);
  let first = -1;
  let last = -1;
  for (let f = 0; f < frames; f++) {
    if (levels[f]! > threshold) {
      active[f] = 1;
      if (first < 0) first = f;
      last = f;
    }
  }
  return first < 0 ? null : { active, first, last };
}

/** Runs of silent frames inside [first, last] that are long enough to be pauses (frame indices, end exclusive). */
function pausesInside(active: Uint8Array, first: number, last: number): { start: number; end: number }[] {
  return silentRuns(active, first, last, Math.round(MIN_PAUSE_S / FRAME_S));
}

function silentRuns(active: Uint8Array, first: number, last: number, minFrames: number): { start: number; end: number }[] {
  const pauses: { start: number; end: number }[] = [];
  let runStart = -1;
  for (let f = first; f <= last; f++) {
    if (!active[f]) {
      if (runStart < 0) runStart = f;
    } else if (runStart >= 0) {
      if (f - runStart >= minFrames) pauses.push({ start: runStart, end: f });
      runStart = -1;
    }
  }
  return pauses;
}
