import { SCRIPT_RESPONSE_SCHEMA } from './script-schema';
import { SCRIPT_LIMITS, type ScriptOptions } from './script-types';

/**
 * The generateContent body that asks Gemini for a script as JSON (responseMimeType +
 * responseSchema). The first line of the system instruction is what `npm start`'s local Gemini
 * recognises to answer with its labelled template outline.
 */
export const SCRIPT_INSTRUCTION_HEAD = 'Write a narrated video script as JSON.';

export function scriptRequestBody(topic: string, options: ScriptOptions, retryReason?: string) {
  const scenes = sceneCountFor(options.lengthS);
  const rules = [
    SCRIPT_INSTRUCTION_HEAD,
    `Length: about ${Math.round(options.lengthS)} seconds in ${scenes} scenes; each scene's durationS is how long its narration takes to say (about 2.5 words per second).`,
    `Tone: ${options.tone}. Audience: ${options.audience}. Language of narration and on-screen text: ${options.language}.`,
    'title: a short title. hook: the first sentence, which makes people stay.',
    'For each scene: narration (what the voice says, plain sentences), onScreenText (at most 6 words, or empty), visualDescription (one concrete shot a camera could film, in English, no text in the image), durationS.',
    ...(retryReason ? [`Your previous answer could not be used: ${retryReason} Answer again with only the JSON object.`] : []),
  ].join('\n');
  return {
    systemInstruction: { parts: [{ text: rules }] },
    contents: [{ role: 'user', parts: [{ text: `Topic: ${topic.trim()}` }] }],
    generationConfig: { temperature: 0.8, maxOutputTokens: 4000, responseMimeType: 'application/json', responseSchema: SCRIPT_RESPONSE_SCHEMA },
  };
}

/** About one scene per 7 seconds, within the limits. */
export function sceneCountFor(lengthS: number): number {
  return Math.min(SCRIPT_LIMITS.maxScenes, Math.max(3, Math.round(lengthS / 7)));
}

interface GenerateContentResponse {
  candidates?: { content?: { parts?: { text?: string; thought?: boolean }[] }; finishReason?: string }[];
  promptFeedback?: { blockReason?: string };
}

/** The answer's text (thoughts left out), or why there is none. */
export function answerTextOf(response: GenerateContentResponse): { ok: true; text: string } | { ok: false; code: 'content_blocked' | 'empty_answer'; message: string } {
  if (response.promptFeedback?.blockReason) return { ok: false, code: 'content_blocked', message: `The topic was blocked by the model (${response.promptFeedback.blockReason}).` };
  const text = (response.candidates?.[0]?.content?.parts ?? [])
    .filter((p) => !p.thought)
    .map((p) => p.text ?? '')
    .join('')
    .trim();
  if (!text) return { ok: false, code: 'empty_answer', message: `The model gave an empty answer (${response.candidates?.[0]?.finishReason ?? 'no candidate'}).` };
  return { ok: true, text };
}
