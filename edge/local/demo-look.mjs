// How a local demo clip or image looks for a prompt: colours, gradient shape and motion, all
// derived from the prompt (colour and mood words first) and the seed, so one prompt gives one look
// and a new seed gives a new take.

/** Words that pick the main hue (degrees), so "a neon night city" looks like one. */
const HUE_WORDS = [
  [/\b(red|crimson|fire|flame|blood|cherry|rose)\b/i, 355],
  [/\b(orange|sunset|autumn|amber|tangerine|ember)\b/i, 25],
  [/\b(yellow|gold|golden|sun|sunny|lemon|honey)\b/i, 48],
  [/\b(coffee|chocolate|wood|desert|sand|earth|vintage)\b/i, 30],
  [/\b(green|forest|jungle|leaf|leaves|grass|garden|moss)\b/i, 125],
  [/\b(teal|turquoise|lagoon|mint)\b/i, 170],
  [/\b(blue|ocean|sea|sky|water|harbour|harbor|river|rain|ice|snow|winter)\b/i, 210],
  [/\b(night|midnight|space|star|stars|noir|moon)\b/i, 235],
  [/\b(purple|violet|lavender|magic|dream)\b/i, 275],
  [/\b(pink|neon|candy|party|love)\b/i, 320],
];

/** FNV-1a over UTF-8: a stable 32-bit number for a string. */
export function hash32(text) {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** `#rrggbb` → ffmpeg's `0xrrggbb`, from HSL (h degrees, s and l 0..1). */
function hsl(h, s, l) {
  const hue = ((h % 360) + 360) % 360;
  const k = (n) => (n + hue / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)))));
  return `0x${[f(0), f(8), f(4)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * @param {{ prompt: string, seed?: number }} input
 * @returns {{ colors: string[], type: 'linear'|'radial'|'circular'|'spiral', speed: number, seed: number, hue: number }}
 */
export function demoLook({ prompt, seed }) {
  const h = hash32(`${seed ?? ''}\n${prompt}`);
  // The colour word said first wins ("a neon night city" is neon).
  const named = HUE_WORDS.map(([re, deg]) => ({ at: prompt.search(re), deg })).filter((m) => m.at >= 0).sort((a, b) => a.at - b.at)[0];
  // A named colour leads, nudged a little by the seed; otherwise the hash picks it.
  const hue = named ? named.deg + ((h % 21) - 10) : h % 360;
  const spread = 25 + ((h >>> 9) % 50);
  // Dark to mid lightness only: the white prompt text stays readable on every frame.
  const colors = [hsl(hue, 0.7, 0.18), hsl(hue + spread, 0.75, 0.42), hsl(hue - spread, 0.6, 0.3)];
  const types = /** @type {const} */ (['linear', 'radial', 'circular', 'spiral']);
  return { colors, type: types[(h >>> 3) % 4], speed: 0.006 + ((h >>> 12) % 12) / 1000, seed: h, hue };
}

/**
 * The prompt as at most `maxLines` lines of about `perLine` characters, words kept whole (a word
 * longer than a line is cut), "…" when it does not fit.
 * @returns {string}
 */
export function wrapPrompt(prompt, perLine, maxLines = 5) {
  const words = prompt.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean).map((w) => (w.length > perLine ? `${w.slice(0, perLine - 1)}…` : w));
  const lines = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] += ' …';
  }
  return lines.join('\n') || '(no prompt)';
}
