import type { SubtitleCue, WordTiming } from '../narration/narration-types.ts';
import { wrapCueText } from './wrap-cue-text.ts';

export interface CueOptions {
  /** Characters per line (broadcast habit: 42). */
  maxCharsPerLine?: number;
  maxLines?: number;
  /** Longest time one cue stays on screen. */
  maxCueS?: number;
}

const DEFAULTS: Required<CueOptions> = { maxCharsPerLine: 42, maxLines: 2, maxCueS: 6 };
/** Shortest time a cue stays up when the next cue leaves room: below this people cannot read it. */
const MIN_CUE_S = 0.8;
/** A cue that ends within this of a clause boundary is cut there rather than mid-phrase. */
const CLAUSE_TAIL_SHARE = 0.5;

const SENTENCE_END = /[.!?…]["')\]]*$/;
const CLAUSE_END = /[,;:—–]["')\]]*$/;

/**
 * Subtitle cues from timed words: each cue at most `maxLines` lines of `maxCharsPerLine`, at most
 * `maxCueS` long; a sentence end always closes a cue, and a full cue is cut at its last clause
 * boundary (comma, semicolon, colon, dash) when that falls in its second half. Times never go back.
 *
 * @example buildCues([{ text: 'Hello.', startS: 0, endS: 0.4 }]) // [{ startS: 0, endS: 0.8, text: 'Hello.', words }]
 */
export function buildCues(words: WordTiming[], opts: CueOptions = {}): SubtitleCue[] {
  const o = { ...DEFAULTS, ...opts };
  if (!(o.maxCharsPerLine >= 1) || !(o.maxLines >= 1) || !(o.maxCueS > 0)) {
    throw new RangeError(`[subtitles] buildCues options must be positive, got ${JSON.stringify(opts)}`);
  }
  const timed = normaliseWords(words, o.maxCharsPerLine);
  const groups: WordTiming[][] = [];
  let current: WordTiming[] = [];

  const fits = (list: WordTiming[]) =>
    wrapCueText(list.map((w) => w.text), o.maxCharsPerLine, o.maxLines) !== null &&
    list[list.length - 1]!.endS - list[0]!.startS <= o.maxCueS;

  for (const word of timed) {
    if (current.length > 0 && !fits([...current, word])) {
      const cut = clauseCut(current);
      groups.push(current.slice(0, cut));
      current = current.slice(cut);
      // The carried-over tail plus this word may still be too long: then the tail stands alone.
      if (current.length > 0 && !fits([...current, word])) {
        groups.push(current);
        current = [];
      }
    }
    current.push(word);
    if (SENTENCE_END.test(word.text)) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);

  const cues = groups.map((group): SubtitleCue => ({
    startS: group[0]!.startS,
    endS: group[group.length - 1]!.endS,
    text: wrapCueText(group.map((w) => w.text), o.maxCharsPerLine, o.maxLines)!.join('\n'),
    words: group,
  }));
  return stretchShortCues(cues, o.maxCueS);
}

/**
 * Cues for text that has no timings (a script before it is voiced): words are paced by their
 * length between `startS` and `endS`, as a speaker would roughly give longer words more time.
 */
export function cuesFromText(text: string, startS: number, endS: number): SubtitleCue[] {
  if (!Number.isFinite(startS) || !Number.isFinite(endS) || endS < startS) {
    throw new RangeError(`[subtitles] cuesFromText needs startS <= endS, got ${startS} and ${endS}`);
  }
  const tokens = text.split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return [];
  // Weight = letters + 1, so short words still get a beat; a sentence end adds a pause.
  const weights = tokens.map((t) => t.length + 1 + (SENTENCE_END.test(t) ? 3 : CLAUSE_END.test(t) ? 1.5 : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  const span = endS - startS;
  let at = startS;
  const words = tokens.map((t, i): WordTiming => {
    const s = at;
    at += (span * weights[i]!) / total;
    return { text: t, startS: s, endS: i === tokens.length - 1 ? endS : at };
  });
  return buildCues(words);
}

/** Sorted, finite, non-negative durations; words longer than a line are split into line-sized pieces. */
function normaliseWords(words: WordTiming[], maxChars: number): WordTiming[] {
  const out: WordTiming[] = [];
  for (const w of words) {
    const text = String(w.text ?? '').trim();
    if (!text || !Number.isFinite(w.startS) || !Number.isFinite(w.endS)) continue;
    const startS = Math.max(0, w.startS);
    const endS = Math.max(startS, w.endS);
    if (text.length <= maxChars) {
      out.push({ text, startS, endS });
      continue;
    }
    const pieces = Math.ceil(text.length / maxChars);
    for (let p = 0; p < pieces; p++) {
      out.push({
        text: text.slice(p * maxChars, (p + 1) * maxChars),
        startS: startS + ((endS - startS) * p) / pieces,
        endS: startS + ((endS - startS) * (p + 1)) / pieces,
      });
    }
  }
  return out.sort((a, b) => a.startS - b.startS);
}

/** Where to end a full cue: after its last clause boundary if that is in the second half, else all of it. */
function clauseCut(list: WordTiming[]): number {
  for (let i = list.length - 2; i >= Math.floor(list.length * CLAUSE_TAIL_SHARE); i--) {
    if (CLAUSE_END.test(list[i]!.text)) return i + 1;
  }
  return list.length;
}

/** Short cues stay up to MIN_CUE_S, never into the next cue and never past maxCueS. */
function stretchShortCues(cues: SubtitleCue[], maxCueS: number): SubtitleCue[] {
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i]!;
    const nextStart = i + 1 < cues.length ? cues[i + 1]!.startS : Infinity;
    const wanted = Math.min(cue.startS + Math.min(MIN_CUE_S, maxCueS), nextStart);
    if (cue.endS < wanted) cue.endS = wanted;
    if (cue.endS > nextStart) cue.endS = nextStart;
  }
  return cues;
}
