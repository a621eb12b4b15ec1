/**
 * Remotion's "A delayRender() "label" was called but not cleared after 13000ms … <stack>" as one
 * sentence naming the label and the line of project code that created the handle.
 */

const STUCK = /A delayRender\(\)\s*(?:"([^"]*)"\s*)?was called but not cleared after (\d+)ms/;

export interface StuckDelayRender {
  label: string | null;
  afterMs: number;
  /** Stack frames ("at …") of the error, the creation stack Remotion appends included. */
  frames: string[];
}

/** The stuck handle an error reports, or null when the error is something else. */
export function parseStuckDelayRender(message: string, stack = ''): StuckDelayRender | null {
  const m = STUCK.exec(message) ?? STUCK.exec(stack);
  if (!m) return null;
  // Remotion puts the creation stack into the message on one line; split it back into frames.
  const frames = `${message}\n${stack}`.split(/\n|\s(?=at\s)/).map((l) => l.trim()).filter((l) => l.startsWith('at '));
  return { label: m[1] ?? null, afterMs: Number(m[2]), frames };
}

/** The first frame `locate` places in the project's sources ("src/Captions.tsx:12:20"), or null. */
export function creationSite(stuck: StuckDelayRender, locate: (frame: string) => string | null): string | null {
  for (const frame of stuck.frames) {
    const at = locate(frame);
    if (at) return at;
  }
  return null;
}

/**
 * The sentence people read.
 * @example explainStuckDelayRender({ label: 'captions', afterMs: 13000, frames: [] }, 'src/Captions.tsx:12:20')
 * // 'delayRender("captions"), created at src/Captions.tsx:12:20, was never cleared: …'
 */
export function explainStuckDelayRender(stuck: StuckDelayRender, createdAt: string | null): string {
  const what = stuck.label ? `delayRender("${stuck.label}")` : 'A delayRender() without a label';
  const where = createdAt ? `, created at ${createdAt},` : '';
  return `${what}${where} was never cleared: continueRender() was not called within ${Math.round(stuck.afterMs / 1000)} s, so the frame could not be rendered. Check that what it waits for exists (a missing staticFile, a failed fetch) and call continueRender(handle) or cancelRender(error) on every path.`;
}
