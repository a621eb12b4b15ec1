import { PLAN_LIMITS, type VideoPlan } from '../../templates/video-plan';
import { COLOUR_PALETTES, colourWord, SUBJECT_PALETTES } from './palettes';

/**
 * What the local demo director understands of a request, by plain pattern reading (no model):
 * enough to turn "a 10 second teaser for a coffee brand" into scenes, colours, length and format,
 * and "make it blue" / "make it 20 seconds" / "add a scene about price" into edits of that plan.
 */
export type Aspect = 'landscape' | 'portrait' | 'square';

export interface NewVideo {
  plan: VideoPlan;
  /** Only when the request names a format; otherwise the project's own size stays. */
  aspect?: Aspect;
}

export interface PlanEdit {
  plan: VideoPlan;
  aspect?: Aspect;
  /** What changed, in words for the reply; empty when nothing in the request was understood. */
  changes: string[];
}

const KINDS = ['teaser', 'trailer', 'promo', 'ad', 'advert', 'commercial', 'explainer', 'tutorial', 'intro', 'announcement', 'invitation', 'invite', 'recap', 'story', 'slideshow', 'presentation', 'video', 'clip', 'reel'] as const;
type Kind = 'teaser' | 'explainer' | 'invitation' | 'general';
const KIND_GROUP: Record<string, Kind> = { teaser: 'teaser', trailer: 'teaser', promo: 'teaser', ad: 'teaser', advert: 'teaser', commercial: 'teaser', announcement: 'teaser', explainer: 'explainer', tutorial: 'explainer', presentation: 'explainer', invitation: 'invitation', invite: 'invitation' };

const CREATE = /^\s*(?:please\s+|can you\s+|could you\s+)?(?:make|create|build|produce|generate|design|write|do|give me|i want|i need|i'd like)\b(?!\s+it\b)/i;

/** True when the request asks for a new video rather than a change to the current one. */
export function asksForNewVideo(prompt: string): boolean {
  return CREATE.test(prompt) && new RegExp(`\\b(${KINDS.join('|')}|animation|film|movie)s?\\b`, 'i').test(prompt);
}

export function readAspect(text: string): Aspect | undefined {
  if (/\b(vertical|portrait|9\s*[:x/]\s*16|tiktok|reels?|shorts|stories|story format|phone)\b/i.test(text)) return 'portrait';
  if (/\b(square|1\s*[:x/]\s*1|instagram post)\b/i.test(text)) return 'square';
  if (/\b(landscape|horizontal|widescreen|16\s*[:x/]\s*9|youtube)\b/i.test(text)) return 'landscape';
  return undefined;
}

/** Seconds named in the text ("10 second", "20s", "1 minute", "1.5 min"), clamped to what a plan allows. */
export function readSeconds(text: string): number | undefined {
  const m = /(\d+(?:\.\d+)?)\s*-?\s*(seconds?|secs?|s|minutes?|mins?)\b/i.exec(text);
  if (!m) return /\bhalf a minute\b/i.test(text) ? 30 : /\ba minute\b/i.test(text) ? 60 : undefined;
  const value = Number(m[1]) * (/^m/i.test(m[2]!) ? 60 : 1);
  return clampSeconds(value);
}

const clampSeconds = (s: number) => Math.round(Math.min(PLAN_LIMITS.maxSeconds, Math.max(PLAN_LIMITS.minSeconds, s)) * 10) / 10;

function readColour(text: string): string | undefined {
  for (const token of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    const colour = colourWord(token);
    if (colour) return colour;
  }
  return undefined;
}

const SMALL = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'for', 'to', 'in', 'on', 'at', 'with', 'by']);

/** "history of jazz" → "History of Jazz". */
export function titleCase(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w, i) => (i > 0 && SMALL.has(w.toLowerCase()) ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** The subject of a creation request: what follows "for/about/…", with format words removed. */
function readSubject(prompt: string): { subject: string; kind: Kind; product: boolean } {
  const kindMatch = new RegExp(`\\b(${KINDS.join('|')})s?\\b`, 'i').exec(prompt);
  const kind = KIND_GROUP[kindMatch?.[1]?.toLowerCase() ?? ''] ?? 'general';
  let rest = prompt
    .replace(CREATE, '')
    .replace(/(\d+(?:\.\d+)?)\s*-?\s*(seconds?|secs?|s|minutes?|mins?)\b(\s+long)?/gi, ' ')
    .replace(/\b(vertical|portrait|landscape|horizontal|widescreen|square|9:16|16:9|1:1|tiktok|youtube)\b/gi, ' ');
  const after = /\b(?:for|about|on|of|showing|introducing|featuring|celebrating|explaining)\s+(.+)$/i.exec(rest);
  if (after) rest = after[1]!;
  else if (kindMatch) rest = rest.replace(new RegExp(`^.*?\\b${kindMatch[1]}s?\\b`, 'i'), '');
  const subject = rest
    .replace(/[.!?]+$/, '')
    .replace(/\s+(?:in|with)\s+(?:a\s+)?([a-z]+)(?:\s+(?:colou?rs?|palette|theme|tones?))?\s*$/i, (phrase, word: string) => (colourWord(word) ? '' : phrase))
    .replace(/^\s*(a|an|the|my|our)\s+/i, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:.!?-]+$/, '')
    .trim();
  return { subject: clip(subject || 'My video', 60), kind, product: /\b(product|brand|app|launch|shop|store|company|startup)\b/i.test(prompt) };
}

/** Lines for a scene about a topic people often add ("price", "team", "contact" …). */
function topicLine(topic: string): string {
  const t = topic.toLowerCase();
  if (/price|pricing|cost|plan|offer|deal/.test(t)) return 'Simple, fair pricing. Pick the plan that fits you.';
  if (/team|people|founder|who we are/.test(t)) return 'The people who make it happen, every day.';
  if (/contact|reach|email|call/.test(t)) return 'Get in touch: we would love to hear from you.';
  if (/feature|how it works|benefit/.test(t)) return 'Everything you need, nothing you do not.';
  if (/review|testimonial|customer|love/.test(t)) return 'Loved by the people who use it.';
  if (/when|date|time|schedule/.test(t)) return 'Save the date: we will see you there.';
  if (/where|location|place|address/.test(t)) return 'Easy to find, easy to reach.';
  if (/thank|outro|end/.test(t)) return 'Thank you for watching.';
  return clip(`All about ${topic}.`, PLAN_LIMITS.maxText);
}

function scenesFor(title: string, subject: string, kind: Kind, product: boolean): { heading: string; text: string }[] {
  const lower = subject.toLowerCase();
  if (kind === 'teaser' || product) {
    const brewing = /coffee|espresso|tea|latte|cafe|café/.test(lower) ? 'Something new is brewing.' : 'Something new is coming.';
    return [
      { heading: title, text: brewing },
      { heading: 'Made with care', text: `Every detail of ${subject} is made for you.` },
      { heading: 'Feel the difference', text: 'Once you try it, there is no going back.' },
      { heading: 'Why people love it', text: 'Quality you can see, taste and feel.' },
      { heading: 'Made to last', text: 'Built for every day, not just the first one.' },
      { heading: 'Try it today', text: `${title}. Coming soon.` },
    ];
  }
  if (kind === 'explainer') {
    return [
      { heading: title, text: `What is ${subject}? Here it is in a few steps.` },
      { heading: 'The problem', text: 'What gets in the way today, and why it matters.' },
      { heading: 'The idea', text: `How ${subject} changes that.` },
      { heading: 'How it works', text: 'Three simple steps, start to finish.' },
      { heading: 'What you get', text: 'Less effort, better results.' },
      { heading: 'Get started', text: 'Try it yourself today.' },
    ];
  }
  if (kind === 'invitation') {
    return [
      { heading: 'You are invited', text: title },
      { heading: 'When', text: 'Save the date: details to follow.' },
      { heading: 'Where', text: 'A place worth the trip.' },
      { heading: 'Bring friends', text: 'The more, the merrier.' },
      { heading: 'See you there', text: 'Reply to let us know you are coming.' },
    ];
  }
  return [
    { heading: title, text: `A short video about ${subject}.` },
    { heading: 'Where it begins', text: 'Every story starts somewhere.' },
    { heading: 'What matters', text: `The heart of ${subject}, in one line.` },
    { heading: 'A closer look', text: 'The details that make the difference.' },
    { heading: 'What comes next', text: 'Where it goes from here.' },
    { heading: 'Thank you', text: 'Thanks for watching.' },
  ];
}

/** How many scenes fit a length, unless the request counts them ("in 4 scenes"). */
function sceneCount(prompt: string, seconds: number): number {
  const named = /\b(\d{1,2})\s+(scenes|slides|parts|shots)\b/i.exec(prompt);
  if (named) return Math.min(PLAN_LIMITS.maxScenes, Math.max(1, Number(named[1])));
  return seconds <= 10 ? 3 : seconds <= 20 ? 4 : seconds <= 40 ? 5 : 6;
}

/** Keeps the closing scene last and picks as many as asked, adding numbered ones past the list. */
function pickScenes(all: { heading: string; text: string }[], count: number) {
  if (count <= 1) return all.slice(0, 1);
  const middle = all.slice(1, -1);
  const picked = [all[0]!, ...middle.slice(0, count - 2)];
  while (picked.length < count - 1) picked.push({ heading: `Scene ${picked.length + 1}`, text: 'Write this scene’s line here.' });
  return [...picked, all[all.length - 1]!];
}

function paletteFor(prompt: string, subject: string) {
  const named = readColour(prompt.replace(subject, ''));
  if (named) return { ...COLOUR_PALETTES[named]!, name: named };
  const bySubject = SUBJECT_PALETTES.find((p) => p.words.test(prompt));
  const name = bySubject?.colour ?? 'gold';
  return { ...COLOUR_PALETTES[name]!, name };
}

/** A first plan from a request such as "Make a 10 second product teaser for a coffee brand". */
export function planFromPrompt(prompt: string): NewVideo & { colourName: string } {
  const seconds = readSeconds(prompt) ?? 10;
  const { subject, kind, product } = readSubject(prompt);
  const title = clip(titleCase(subject), 48);
  const { name, ...palette } = paletteFor(prompt, subject);
  const scenes = pickScenes(scenesFor(title, subject, kind, product), sceneCount(prompt, seconds));
  const aspect = readAspect(prompt);
  return { plan: { title, durationSeconds: seconds, palette, scenes }, colourName: name, ...(aspect ? { aspect } : {}) };
}

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8 };
const CLOSING = /^(thank|try it|get started|see you|coming soon|the end|contact|subscribe|follow)/i;

/** Applies the changes a follow-up asks for; `changes` says what was done, in words. */
export function editPlan(current: VideoPlan, prompt: string): PlanEdit {
  const plan: VideoPlan = structuredClone(current);
  const changes: string[] = [];
  let text = prompt;
  let secondsSet = false;

  const seconds = readSeconds(text);
  if (seconds !== undefined) {
    plan.durationSeconds = seconds;
    secondsSet = true;
    changes.push(`length ${seconds} s`);
  } else if (/\b(longer|slower|more time)\b/i.test(text)) {
    plan.durationSeconds = clampSeconds(plan.durationSeconds * 1.5);
    secondsSet = true;
    changes.push(`longer: ${plan.durationSeconds} s`);
  } else if (/\b(shorter|faster|quicker|less time)\b/i.test(text)) {
    plan.durationSeconds = clampSeconds(plan.durationSeconds / 1.5);
    secondsSet = true;
    changes.push(`shorter: ${plan.durationSeconds} s`);
  }

  const add = /\badd\s+(?:a|an|one|another)?\s*(?:new\s+)?(?:scene|slide|part|section|shot)(?:\s+(?:about|on|for|with|showing|called|titled|named)\s+["“']?(.+?)["”']?)?(?=\s+and\s+(?:make|use|set|change|remove|delete|call)\b|[.;!]|,|$)/i.exec(text);
  if (add) {
    text = text.replace(add[0], ' ');
    const topic = (add[1] ?? '').replace(/^(the|a|an|our|my)\s+/i, '').trim();
    const scene = topic ? { heading: clip(titleCase(topic), 48), text: topicLine(topic) } : { heading: `Scene ${plan.scenes.length + 1}`, text: 'Write this scene’s line here.' };
    if (plan.scenes.length >= PLAN_LIMITS.maxScenes) {
      changes.push(`no scene added: a plan holds at most ${PLAN_LIMITS.maxScenes} scenes`);
    } else {
      const perScene = plan.durationSeconds / plan.scenes.length;
      const beforeClosing = plan.scenes.length >= 2 && CLOSING.test(plan.scenes[plan.scenes.length - 1]!.heading);
      plan.scenes.splice(beforeClosing ? plan.scenes.length - 1 : plan.scenes.length, 0, scene);
      if (!secondsSet) plan.durationSeconds = clampSeconds(plan.durationSeconds + perScene);
      changes.push(`a scene “${scene.heading}”${beforeClosing ? ' before the closing scene' : ''}${secondsSet ? '' : ` (now ${plan.durationSeconds} s)`}`);
    }
  }

  const remove = /\b(?:remove|delete|drop|cut)\s+(?:the\s+)?(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|last)\s+)?(?:scene|slide|part|shot)(?:\s+(\d{1,2}))?\b/i.exec(text);
  if (remove) {
    text = text.replace(remove[0], ' ');
    const which = remove[2] ? Number(remove[2]) : remove[1]?.toLowerCase() === 'last' || !remove[1] ? plan.scenes.length : ORDINALS[remove[1].toLowerCase()]!;
    if (plan.scenes.length <= 1) changes.push('no scene removed: the video needs at least one');
    else if (which < 1 || which > plan.scenes.length) changes.push(`no scene removed: there is no scene ${which} (there are ${plan.scenes.length})`);
    else {
      const perScene = plan.durationSeconds / plan.scenes.length;
      const [gone] = plan.scenes.splice(which - 1, 1);
      if (!secondsSet) plan.durationSeconds = clampSeconds(plan.durationSeconds - perScene);
      changes.push(`removed scene ${which} “${gone!.heading}”`);
    }
  }

  const rename = /\b(?:call it|name it|title it|rename it(?: to)?|change the title to|set the title to|title:)\s*["“']?([^"”'.!]+)["”']?/i.exec(text);
  if (rename) {
    text = text.replace(rename[0], ' ');
    const title = clip(rename[1]!.trim(), 48);
    if (plan.scenes[0]?.heading === plan.title) plan.scenes[0].heading = title;
    plan.title = title;
    changes.push(`title “${title}”`);
  }

  const sceneText = /\b(?:change|set|make)\s+(?:the\s+)?text\s+of\s+scene\s+(\d{1,2})\s+(?:to|say|read)\s+["“']?([^"”']+)["”']?/i.exec(text);
  if (sceneText) {
    text = text.replace(sceneText[0], ' ');
    const index = Number(sceneText[1]) - 1;
    if (plan.scenes[index]) {
      plan.scenes[index].text = clip(sceneText[2]!.trim(), PLAN_LIMITS.maxText);
      changes.push(`scene ${index + 1}’s text`);
    } else changes.push(`no text changed: there is no scene ${index + 1}`);
  }

  const colour = readColour(text);
  if (colour) {
    plan.palette = { ...COLOUR_PALETTES[colour]! };
    changes.push(`${colour} colours`);
  }

  const aspect = readAspect(text);
  if (aspect) changes.push(`${aspect} format`);
  return { plan, changes, ...(aspect ? { aspect } : {}) };
}

/** Width and height for a format at the project's resolution (its short side: 1080 stays 1080p). */
export function sizeFor(aspect: Aspect, current: { width: number; height: number }): { width: number; height: number } {
  const short = Math.min(current.width, current.height);
  const long = Math.round((short * 16) / 9 / 2) * 2;
  if (aspect === 'portrait') return { width: short, height: long };
  if (aspect === 'square') return { width: short, height: short };
  return { width: long, height: short };
}
