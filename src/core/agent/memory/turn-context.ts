import type { Content, Part } from '../provider/model-types';

export interface TurnContextOptions {
  /** The most recent tool results sent whole; older successful ones are summarised. */
  keepWholeResults: number;
  /** The most recent images sent; older ones become a note. */
  keepImages: number;
}

export const DEFAULT_TURN_CONTEXT: TurnContextOptions = { keepWholeResults: 6, keepImages: 4 };

const SMALL_RESULT_CHARS = 400;
const MAX_SCALAR_CHARS = 120;

/**
 * What the model is sent of the turn so far: older successful tool results summarised to their
 * small fields (path, hash, counts, verdicts: what later calls still need), the last few results
 * and every error or warning whole. The turn's own record keeps everything; only the request
 * shrinks, so a 40-step turn does not resend every file it read on every call.
 *
 * @example
 * summariseOlderResults(turn.contents, { keepWholeResults: 6, keepImages: 4 })
 */
export function summariseOlderResults(contents: readonly Content[], options: Partial<TurnContextOptions> = {}): Content[] {
  const o = { ...DEFAULT_TURN_CONTEXT, ...options };
  let results = 0;
  let images = 0;
  const out: Content[] = [];
  for (let i = contents.length - 1; i >= 0; i--) {
    const c = contents[i]!;
    const parts = [...c.parts]
      .reverse()
      .map((p): Part => {
        if (p.inlineData) return images++ < o.keepImages ? p : { text: `[an older image (${p.inlineData.mimeType}) omitted; render it again if you need it]` };
        if (!p.functionResponse) return p;
        if (results++ < o.keepWholeResults) return p;
        const response = p.functionResponse.response;
        if ('error' in response || 'warning' in response) return p;
        const json = JSON.stringify(response);
        if (json.length <= SMALL_RESULT_CHARS) return p;
        return { ...p, functionResponse: { ...p.functionResponse, response: { summary: smallFields(response.output ?? response), note: `older result summarised (${json.length} chars); call the tool again if you need it whole` } } };
      })
      .reverse();
    out.push({ role: c.role, parts });
  }
  return out.reverse();
}

/** Numbers, booleans and short strings, one level into objects; long text and lists become counts. */
function smallFields(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length <= MAX_SCALAR_CHARS ? value : `[${value.length} chars]`;
  if (Array.isArray(value)) return `[${value.length} items]`;
  if (typeof value === 'object' && depth < 2) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, smallFields(v, depth + 1)]));
  }
  return '[…]';
}
