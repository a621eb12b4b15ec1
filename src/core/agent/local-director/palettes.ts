import type { VideoPlan } from '../../templates/video-plan';

type Palette = VideoPlan['palette'];

/** Colour words a person types, and the palette each stands for (dark backgrounds keep text legible). */
export const COLOUR_PALETTES: Record<string, Palette> = {
  blue: { background: '#0b1f3a', accent: '#4da3ff', text: '#f2f7ff' },
  navy: { background: '#0a1330', accent: '#7aa2ff', text: '#eef2ff' },
  red: { background: '#2a0b0e', accent: '#ff4d5a', text: '#fff1f2' },
  green: { background: '#0c2618', accent: '#3ddc84', text: '#effff5' },
  teal: { background: '#062a2a', accent: '#2dd4bf', text: '#ecfffd' },
  orange: { background: '#2b1405', accent: '#ff8a3d', text: '#fff5ec' },
  yellow: { background: '#1f1a05', accent: '#ffd43b', text: '#fffbea' },
  gold: { background: '#17140b', accent: '#e6b450', text: '#fff8e6' },
  purple: { background: '#1d0f33', accent: '#a970ff', text: '#f6f0ff' },
  pink: { background: '#2e0a22', accent: '#ff6fb5', text: '#fff0f7' },
  brown: { background: '#2b1a12', accent: '#c8874a', text: '#f6e7d8' },
  black: { background: '#0a0a0a', accent: '#e5e5e5', text: '#ffffff' },
  white: { background: '#f7f7f5', accent: '#1f6feb', text: '#111111' },
  grey: { background: '#1e2226', accent: '#9aa5b1', text: '#f4f6f8' },
};

/** Spellings and near-synonyms of the colour words above. */
export const COLOUR_ALIASES: Record<string, string> = {
  gray: 'grey',
  violet: 'purple',
  magenta: 'pink',
  cyan: 'teal',
  turquoise: 'teal',
  golden: 'gold',
  dark: 'black',
  light: 'white',
  bright: 'white',
  crimson: 'red',
  scarlet: 'red',
  lime: 'green',
  emerald: 'green',
  amber: 'orange',
};

/** Subjects whose look people expect (coffee is brown, the ocean blue), checked when no colour is named. */
export const SUBJECT_PALETTES: readonly { words: RegExp; colour: string }[] = [
  { words: /\b(coffee|espresso|latte|cafe|café|chocolate|bakery|bread|wood)\b/i, colour: 'brown' },
  { words: /\b(ocean|sea|beach|water|sky|cloud|sail|swim)\b/i, colour: 'blue' },
  { words: /\b(forest|nature|plant|garden|eco|green energy|tree|hiking)\b/i, colour: 'green' },
  { words: /\b(tech|app|software|ai|startup|saas|cloud|data|code|developer)\b/i, colour: 'navy' },
  { words: /\b(fitness|gym|sport|running|workout|energy drink)\b/i, colour: 'orange' },
  { words: /\b(luxury|jewel|jewellery|jewelry|watch|perfume|finance|bank)\b/i, colour: 'gold' },
  { words: /\b(fashion|beauty|cosmetic|makeup|valentine|love)\b/i, colour: 'pink' },
  { words: /\b(music|party|club|concert|night|festival|game|gaming)\b/i, colour: 'purple' },
  { words: /\b(wine|fire|sale|christmas|pizza|burger)\b/i, colour: 'red' },
  { words: /\b(sun|summer|lemon|honey|kids|school)\b/i, colour: 'yellow' },
];

/** The canonical colour word a token names, if any. */
export function colourWord(token: string): string | undefined {
  const t = token.toLowerCase();
  if (t in COLOUR_PALETTES) return t;
  return COLOUR_ALIASES[t];
}
