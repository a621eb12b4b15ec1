import { describe, expect, it } from 'vitest';
import { buildCues, cuesFromText } from '../../../src/core/subtitles/build-cues';
import type { SubtitleCue, WordTiming } from '../../../src/core/narration/narration-types';

/** Words spoken at a steady 0.3 s each with 0.05 s gaps, like a narrator. */
function speak(text: string, startS = 0): WordTiming[] {
  return text.split(' ').map((t, i) => ({ text: t, startS: startS + i * 0.35, endS: startS + i * 0.35 + 0.3 }));
}

function expectWellFormed(cues: SubtitleCue[], maxCueS = 6): void {
  for (const [i, cue] of cues.entries()) {
    const lines = cue.text.split('\n');
    expect(lines.length).toBeLessThanOrEqual(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(42);
    expect(cue.endS).toBeGreaterThan(cue.startS);
    expect(cue.endS - cue.startS).toBeLessThanOrEqual(maxCueS + 1e-9);
    if (i > 0) expect(cue.startS).toBeGreaterThanOrEqual(cues[i - 1]!.endS);
  }
}

const LONG =
  'Volcanoes form where molten rock rises through cracks in the crust, and when pressure builds, the ground swells. ' +
  'Scientists watch the swelling with satellites; a few centimetres can warn a town days ahead. ' +
  'In 1991 the warnings at Pinatubo saved thousands of lives, because people left in time.';

describe('buildCues', () => {
  it('keeps every cue to two lines of 42 characters, inside its time limit, in order', () => {
    const cues = buildCues(speak(LONG));
    expectWellFormed(cues);
    expect(cues.map((c) => c.text.replace(/\n/g, ' ')).join(' ')).toBe(LONG);
  });

  it('closes a cue at each sentence end', () => {
    const cues = buildCues(speak('Short one. Another short one. Third.'));
    expect(cues.map((c) => c.text)).toEqual(['Short one.', 'Another short one.', 'Third.']);
  });

  it('cuts a full cue at a clause boundary in its second half rather than mid-phrase', () => {
    const text = 'The river carries sand from the mountains to the sea every spring, and the delta grows by a few metres each year without fail';
    const cues = buildCues(speak(text));
    expect(cues[0]!.text.replace(/\n/g, ' ')).toBe('The river carries sand from the mountains to the sea every spring,');
    expectWellFormed(cues);
  });

  it('balances two lines instead of filling the first', () => {
    const [cue] = buildCues(speak('one two three four five six seven eight nine ten eleven twelve'));
    const [a = '', b = ''] = cue!.text.split('\n');
    expect(Math.abs(a.length - b.length)).toBeLessThanOrEqual(6);
  });

  it('respects maxCueS for slow speech and custom line limits', () => {
    const slow = 'a b c d e f g h i j'.split(' ').map((t, i) => ({ text: t, startS: i * 2, endS: i * 2 + 1 }));
    const cues = buildCues(slow, { maxCueS: 4 });
    expectWellFormed(cues, 4);
    const narrow = buildCues(speak(LONG), { maxCharsPerLine: 20, maxLines: 1 });
    for (const c of narrow) expect(c.text.includes('\n') || c.text.length > 20).toBe(false);
  });

  it('holds a short cue up for a readable time, but never into the next cue', () => {
    const cues = buildCues([
      { text: 'Hi.', startS: 0, endS: 0.2 },
      { text: 'There.', startS: 0.5, endS: 0.7 },
    ]);
    expect(cues[0]!.endS).toBe(0.5);
    expect(cues[1]!.endS).toBeCloseTo(1.3, 6);
  });

  it('sorts shuffled words, drops empty or non-finite ones and splits a word longer than a line', () => {
    const cues = buildCues([
      { text: 'second', startS: 1, endS: 1.3 },
      { text: 'first', startS: 0, endS: 0.3 },
      { text: '  ', startS: 0.5, endS: 0.6 },
      { text: 'bad', startS: Number.NaN, endS: 1 },
      { text: 'x'.repeat(100), startS: 2, endS: 3 },
    ]);
    expectWellFormed(cues);
    expect(cues[0]!.text.startsWith('first second')).toBe(true);
    expect(cues.map((c) => c.text.replace(/\n/g, '')).join('').replace(/\s/g, '')).toBe(`firstsecond${'x'.repeat(100)}`);
  });

  it('rejects nonsense options with a sentence', () => {
    expect(() => buildCues([], { maxCharsPerLine: 0 })).toThrow(/must be positive/);
  });
});

describe('cuesFromText', () => {
  it('paces text evenly across the span it is given', () => {
    const cues = cuesFromText(LONG, 10, 40);
    expectWellFormed(cues);
    expect(cues[0]!.startS).toBe(10);
    expect(cues[cues.length - 1]!.endS).toBe(40);
    const words = cues.flatMap((c) => c.words ?? []);
    expect(words.length).toBe(LONG.split(' ').length);
    // Longer words get more time.
    const dur = (t: string) => words.filter((w) => w.text === t).map((w) => w.endS - w.startS)[0] ?? 0;
    expect(dur('Scientists')).toBeGreaterThan(dur('the'));
  });

  it('gives nothing for empty text and refuses a backwards span', () => {
    expect(cuesFromText('   ', 0, 5)).toEqual([]);
    expect(() => cuesFromText('hi', 5, 1)).toThrow(/startS <= endS/);
  });
});
