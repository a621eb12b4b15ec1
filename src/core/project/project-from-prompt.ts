/**
 * A new project from a description typed on Home ("a vertical TikTok about my cat's birthday"):
 * a short, tidy name from its first words and a size from what it says about the format.
 */
import { PROJECT_LIMITS, SIZE_PRESETS, type NewProjectInput, type SizePreset } from './project';

export const UNTITLED_NAME = 'Untitled video';
/** Frame rate of a project made from a prompt: the Director can change it when the video needs it. */
export const PROMPT_PROJECT_FPS = 30;

const NAME_MAX_CHARS = 48;
const NAME_MAX_WORDS = 8;

/** Where the first idea ends: a sentence end, a line break, a dash or colon between words, a comma. */
const CLAUSE_END = /[.!?;](?:\s|$)|\n|\s[—–-]\s|:\s|,\s/;

/** How people open a request; it says nothing about the video. */
const LEAD_IN =
  /^(?:(?:hey|hi|ok|okay|so)[,!]?\s+)?(?:please\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?(?:(?:i\s+(?:want|need|would\s+like)|i['’]d\s+like|let['’]?s|let\s+us|help\s+me)\s+(?:to\s+)?)?(?:(?:make|create|generate|produce|render|animate|give)\s+(?:me\s+|us\s+)?)?/i;
const ARTICLE = /^(?:a|an|the)\s+/i;

/** Words a cut-off name must not end on ("… party with"). */
const DANGLING = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'for', 'with', 'about', 'to', 'in', 'on', 'at', 'by', 'from', 'into', 'that', 'which', 'where', 'who', 'my', 'our', 'your', 'its', 'their', 'his', 'her', 'is', 'are', 'as', 'featuring', 'showing']);

/** "make a vertical TikTok about my cat's birthday party, with confetti" -> "Vertical TikTok about my cat's birthday party". */
export function projectNameFromPrompt(prompt: string): string {
  const firstClause = prompt.trim().split(CLAUSE_END)[0] ?? '';
  const tidy = firstClause
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”‘’«»*•#>-]+/, '')
    .replace(LEAD_IN, '')
    .replace(ARTICLE, '')
    .replace(/["“”«»]/g, '')
    .trim();
  const words = tidy.split(' ').filter(Boolean).slice(0, NAME_MAX_WORDS);
  while (words.length > 1 && words.join(' ').length > NAME_MAX_CHARS) words.pop();
  while (words.length > 1 && DANGLING.has(words[words.length - 1]!.toLowerCase())) words.pop();
  const name = words.join(' ').slice(0, Math.min(NAME_MAX_CHARS, PROJECT_LIMITS.nameMaxLength)).replace(/[\s,.;:!?'’-]+$/, '');
  if (!name || DANGLING.has(name.toLowerCase())) return UNTITLED_NAME;
  return name[0]!.toLocaleUpperCase() + name.slice(1);
}

export interface PromptSize {
  preset: SizePreset;
  /** The words that chose the size, as typed ("TikTok", "9:16"); null when nothing did (landscape). */
  cue: string | null;
}

/**
 * What a prompt can say about the format, strongest first: an aspect ratio, then a platform, then
 * an orientation word. A bare "story" or "reel" is left out: "the story of our brand" and "a demo
 * reel" are not vertical videos.
 */
const SIZE_CUES: readonly { preset: SizePreset['id']; pattern: RegExp }[] = [
  { preset: 'portrait', pattern: /\b9\s*[:x×/]\s*16\b/i },
  { preset: 'square', pattern: /\b1\s*[:x×/]\s*1\b/i },
  { preset: 'landscape', pattern: /\b16\s*[:x×/]\s*9\b/i },
  { preset: 'portrait', pattern: /\btik\s?-?toks?\b|\byoutube\s+shorts?\b|\b(?:instagram|insta|ig|facebook|fb|snapchat|whatsapp)\s+(?:stor(?:y|ies)|reels?)\b|\bstor(?:y|ies)\s+(?:format|size|video)\b|(?<!\b(?:demo|highlights?|sizzle|blooper|gag|show)\s)\breels?\b/i },
  { preset: 'square', pattern: /\b(?:instagram|insta|ig)\s+(?:feed\s+)?posts?\b/i },
  { preset: 'portrait', pattern: /\bvertical\b|\bportrait\b/i },
  { preset: 'square', pattern: /\bsquare\b/i },
  { preset: 'landscape', pattern: /\bhorizontal\b|\blandscape\b|\bwidescreen\b|\byoutube\b/i },
];

/** Landscape unless the prompt asks for a vertical or square video. */
export function sizeFromPrompt(prompt: string): PromptSize {
  for (const cue of SIZE_CUES) {
    const match = cue.pattern.exec(prompt);
    if (match) return { preset: SIZE_PRESETS.find((p) => p.id === cue.preset)!, cue: match[0] };
  }
  return { preset: SIZE_PRESETS.find((p) => p.id === 'landscape')!, cue: null };
}

/** Everything "New project" asks for, read from the prompt. */
export function newProjectFromPrompt(prompt: string): NewProjectInput {
  const { preset } = sizeFromPrompt(prompt);
  return { name: projectNameFromPrompt(prompt), width: preset.width, height: preset.height, fps: PROMPT_PROJECT_FPS };
}
