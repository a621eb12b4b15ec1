import type { Content, Part } from '../provider/model-types';

/** Gemini bills an image at ~258 tokens (up to 384 px tiles); good enough for budgeting. */
const IMAGE_TOKENS = 258;
const PART_OVERHEAD = 4;

/**
 * A cheap token estimate: ~4 characters per token for prose and code, ~3.5 for JSON. It errs
 * high on purpose, so a window that fits by this count fits for real.
 */
export function estimateTextTokens(text: string): number {
  return Math.ceil(text.length / 3.6);
}

export function estimatePartTokens(part: Part): number {
  let n = PART_OVERHEAD;
  if (part.text) n += estimateTextTokens(part.text);
  if (part.inlineData) n += IMAGE_TOKENS;
  if (part.functionCall) n += estimateTextTokens(part.functionCall.name + JSON.stringify(part.functionCall.args ?? {}));
  if (part.functionResponse) n += estimateTextTokens(part.functionResponse.name + JSON.stringify(part.functionResponse.response));
  return n;
}

export function estimateContentTokens(contents: readonly Content[]): number {
  let n = 0;
  for (const c of contents) for (const p of c.parts) n += estimatePartTokens(p);
  return n;
}
