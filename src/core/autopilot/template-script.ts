import { sceneCountFor } from './script-request';
import { SCRIPT_LIMITS, type ScriptOptions, type ScriptScene, type VideoScript } from './script-types';

/**
 * The offline script: an outline built from the topic that reads as a real (plain) video, so
 * Auto-pilot offline still speaks and shows something, and that the person is meant to rewrite.
 * The note says so wherever the outline is shown.
 */
export const TEMPLATE_NOTE = 'Offline outline: no language model was used. Each scene says what belongs there; rewrite the narration in your own words.';

interface Beat {
  onScreen: (t: string) => string;
  narration: (t: string) => string;
  visual: (t: string) => string;
}

const BEATS: Beat[] = [
  { onScreen: (t) => t, narration: (t) => `Here is ${t}, in a few short steps.`, visual: (t) => `An establishing shot that sets the scene for ${t}` },
  { onScreen: () => 'Why it matters', narration: (t) => `Why does this matter? Because ${t} touches more of everyday life than it seems.`, visual: (t) => `People whose day is touched by ${t}` },
  { onScreen: () => 'How it works', narration: (t) => `The idea behind ${t} is simpler than it looks.`, visual: (t) => `A close-up showing how ${t} works` },
  { onScreen: () => 'An example', narration: (t) => `Take one real example of ${t} and follow it from start to finish.`, visual: (t) => `A real-world example of ${t}` },
  { onScreen: () => 'A common mistake', narration: (t) => `One mistake people make with ${t} is rushing the basics.`, visual: (t) => `Someone pausing to rethink their approach to ${t}` },
  { onScreen: () => 'Try this', narration: (t) => `Start small: pick one part of ${t} and try it this week.`, visual: (t) => `Hands trying out ${t} for the first time` },
];
const CLOSING: Beat = { onScreen: () => 'Thanks for watching', narration: (t) => `That is ${t} in a nutshell. Thanks for watching.`, visual: (t) => `A calm closing shot about ${t}` };

export function templateScript(topic: string, options: ScriptOptions): VideoScript {
  const subject = cleanTopic(topic);
  const count = sceneCountFor(options.lengthS);
  const beats = [...Array.from({ length: count - 1 }, (_, i) => BEATS[i % BEATS.length]!), CLOSING];
  const durationS = Math.min(SCRIPT_LIMITS.maxSceneS, Math.max(SCRIPT_LIMITS.minSceneS, options.lengthS / count));
  const scenes: ScriptScene[] = beats.map((b) => ({ narration: b.narration(subject), onScreenText: b.onScreen(titleCase(subject)).slice(0, SCRIPT_LIMITS.maxOnScreen), visualDescription: b.visual(subject), durationS }));
  return { title: titleCase(subject).slice(0, SCRIPT_LIMITS.maxTitle), hook: scenes[0]!.narration, language: options.language, scenes, source: 'template' };
}

/** The topic as a phrase inside a sentence: trimmed, no trailing punctuation, bounded. */
const SENTENCE_STARTERS = new Set(['How', 'Why', 'What', 'When', 'Where', 'Who', 'Which', 'The', 'A', 'An', 'My', 'Our', 'Your', 'Making', 'Building', 'Learning', 'Getting', 'Choosing', 'Using']);

function cleanTopic(topic: string): string {
  const t = topic.replace(/\s+/g, ' ').trim().replace(/[.!?]+$/, '').slice(0, 80);
  // "How bees make honey" reads as "how bees make honey" inside a sentence; "NASA" or "Paris" stay.
  const first = t.split(' ')[0]!;
  return (SENTENCE_STARTERS.has(first) ? first.toLowerCase() + t.slice(first.length) : t) || 'this topic';
}

const titleCase = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
