/**
 * Lines for one cue's words, or null when they do not fit in `maxLines` lines of `maxChars`.
 * Two lines are balanced (the break that makes the longer line shortest), as subtitlers do,
 * rather than filling the first line greedily.
 */
export function wrapCueText(words: readonly string[], maxChars: number, maxLines: number): string[] | null {
  if (words.length === 0) return [];
  const one = words.join(' ');
  if (one.length <= maxChars) return [one];
  if (maxLines < 2) return null;
  if (maxLines === 2) return balancedTwoLines(words, maxChars);
  // More than two lines: greedy fill is good enough.
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (w.length > maxChars) return null;
    const next = line ? `${line} ${w}` : w;
    if (next.length <= maxChars) line = next;
    else {
      lines.push(line);
      line = w;
    }
  }
  lines.push(line);
  return lines.length <= maxLines ? lines : null;
}

function balancedTwoLines(words: readonly string[], maxChars: number): string[] | null {
  let best: string[] | null = null;
  let bestLongest = Infinity;
  for (let cut = 1; cut < words.length; cut++) {
    const a = words.slice(0, cut).join(' ');
    const b = words.slice(cut).join(' ');
    const longest = Math.max(a.length, b.length);
    if (longest <= maxChars && longest < bestLongest) {
      best = [a, b];
      bestLongest = longest;
    }
  }
  return best;
}
