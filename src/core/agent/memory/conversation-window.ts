import type { Content, Part } from '../provider/model-types';
import { estimateContentTokens, estimateTextTokens } from './token-estimate';

export interface PastTurn {
  prompt: string;
  reply: string;
  contents: Content[];
}

export interface HistoryWindow {
  contents: Content[];
  /** Plain-text summary of the turns that did not fit (goes in the system prompt). */
  summary: string;
  keptTurns: number;
  droppedTurns: number;
  tokens: number;
}

export interface WindowOptions {
  budgetTokens: number;
  /** Turns (from the end) whose tool results are kept whole; older ones are compacted first. */
  fullDetailTurns: number;
  maxSummaryChars: number;
}

export const DEFAULT_WINDOW: WindowOptions = { budgetTokens: 48_000, fullDetailTurns: 2, maxSummaryChars: 4_000 };

const BIG_RESPONSE_CHARS = 600;

/**
 * Fits past turns into a token budget, newest first. Old turns are compacted (large tool results
 * replaced by a note, since files can be read again); turns that still do not fit are dropped
 * whole (so every functionCall keeps its functionResponse) and summarised from their prompt and
 * reply.
 */
export function fitHistory(turns: readonly PastTurn[], options: Partial<WindowOptions> = {}): HistoryWindow {
  const o = { ...DEFAULT_WINDOW, ...options };
  const kept: Content[][] = [];
  let tokens = 0;
  let i = turns.length - 1;
  for (; i >= 0; i--) {
    const age = turns.length - 1 - i;
    const contents = age < o.fullDetailTurns ? turns[i]!.contents : compactTurn(turns[i]!.contents);
    const cost = estimateContentTokens(contents);
    if (tokens + cost > o.budgetTokens) break;
    kept.unshift(contents);
    tokens += cost;
  }
  const dropped = turns.slice(0, i + 1);
  const summary = summarise(dropped, o.maxSummaryChars);
  return { contents: kept.flat(), summary, keptTurns: kept.length, droppedTurns: dropped.length, tokens: tokens + estimateTextTokens(summary) };
}

/** Keeps calls and short results; big results become a note (the model can read files again). */
export function compactTurn(contents: readonly Content[]): Content[] {
  return contents.map((c) => ({
    role: c.role,
    parts: c.parts.map((p): Part => {
      if (p.inlineData) return { text: '[image omitted]' };
      if (!p.functionResponse) return p;
      const json = JSON.stringify(p.functionResponse.response);
      if (json.length <= BIG_RESPONSE_CHARS) return p;
      return { functionResponse: { ...p.functionResponse, response: { note: `result omitted from history (${json.length} chars); call the tool again if needed`, head: json.slice(0, 200) } } };
    }),
  }));
}

function summarise(turns: readonly PastTurn[], maxChars: number): string {
  if (turns.length === 0) return '';
  const lines = turns.map((t, i) => `${i + 1}. Person: ${clip(t.prompt, 200)} → Director: ${clip(t.reply, 200)}`);
  // Keep the most recent lines when even the summary is too long.
  let out = lines.join('\n');
  while (out.length > maxChars && lines.length > 1) {
    lines.shift();
    out = `(older turns omitted)\n${lines.join('\n')}`;
  }
  return out.slice(-maxChars);
}

function clip(text: string, n: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}
