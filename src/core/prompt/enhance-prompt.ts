/** Rewriting a person's prompt for a video model, as a Gemini generateContent request (wire/gemini.md). */

export type EnhancePreset = 'cinematic' | 'product' | 'anime' | 'documentary' | 'noir' | 'vintage' | 'none';

const STYLE: Record<EnhancePreset, string> = {
  cinematic: 'cinematic: name the shot size and lens, camera movement, lighting quality and colour grade',
  product: 'product commercial: clean studio lighting, hero angles, slow reveals, materials and reflections',
  anime: 'anime: cel shading, expressive key poses, painted backgrounds, dynamic camera',
  documentary: 'documentary: handheld or observational camera, natural light, real textures and sound',
  noir: 'film noir: hard low-key light, deep shadows, high contrast black and white, rain and smoke',
  vintage: 'vintage film: 16mm grain, warm faded colours, gate weave, period details',
  none: 'no added style: only make it clearer and more concrete',
};

const TARGET: Record<'veo' | 'runway', string> = {
  veo: 'Google Veo (one paragraph, subject and action first, then setting, camera, light and audio cues; no lists)',
  runway: 'Runway Gen-4 (one short paragraph describing motion in the shot; the image sets the look)',
};

export interface EnhanceInput {
  prompt: string;
  preset: EnhancePreset;
  target: 'veo' | 'runway';
  instructions?: string;
  seed?: number;
  /** A reference frame the rewrite should describe consistently. */
  image?: { mimeType: string; data: string };
}

/** The generateContent body: the rules as a system instruction, the person's prompt as the user turn. */
export function enhanceRequestBody(input: EnhanceInput) {
  const rules = [
    `Rewrite the user's video idea as a prompt for ${TARGET[input.target]}.`,
    `Style: ${STYLE[input.preset]}.`,
    'Keep every subject, name, number and action the user asked for; invent nothing that contradicts it.',
    'Answer with the prompt only: no preamble, no quotes, no markdown, at most 120 words.',
    ...(input.instructions?.trim() ? [`Also: ${input.instructions.trim()}`] : []),
  ].join('\n');
  return {
    systemInstruction: { parts: [{ text: rules }] },
    contents: [{ role: 'user', parts: [{ text: input.prompt.trim() }, ...(input.image ? [{ inlineData: input.image }] : [])] }],
    generationConfig: { temperature: 0.7, maxOutputTokens: 400, ...(input.seed !== undefined ? { seed: input.seed } : {}) },
  };
}

interface GenerateContentResponse {
  candidates?: { content?: { parts?: { text?: string; thought?: boolean }[] }; finishReason?: string }[];
  promptFeedback?: { blockReason?: string };
}

/** The rewritten prompt, or why there is none. */
export function enhancedTextOf(response: GenerateContentResponse): { ok: true; text: string } | { ok: false; code: string; message: string } {
  if (response.promptFeedback?.blockReason) return { ok: false, code: 'content_blocked', message: `The prompt was blocked (${response.promptFeedback.blockReason}).` };
  const candidate = response.candidates?.[0];
  const text = (candidate?.content?.parts ?? [])
    .filter((p) => !p.thought)
    .map((p) => p.text ?? '')
    .join('')
    .trim()
    .replace(/^["“]|["”]$/g, '')
    .trim();
  if (!text) return { ok: false, code: 'empty_answer', message: `The model gave no text (${candidate?.finishReason ?? 'no candidate'}).` };
  return { ok: true, text };
}
