import { inlineSourceMap, type SourceMapLookup } from '../core/bundler/source-map';
import { BUNDLE_WRAPPER_LINES } from '../core/preview/sandbox-protocol';
import { creationSite, explainStuckDelayRender, parseStuckDelayRender } from '../core/remotion-compat';

/**
 * How long a stills or export waits for a delayRender() handle (Remotion fires 2 s before): long
 * enough for a video's first frame on a busy machine, far shorter than Remotion's 30 s default,
 * which looked like a hang.
 */
export const RENDER_DELAY_TIMEOUT_MS = 15_000;

const FRAME = /(blob:[^\s)]+?):(\d+):(\d+)\)?\s*$/;
let mapped: { code: string; map: SourceMapLookup | null } | null = null;

/** The error to show for a render failure: a stuck handle explained, anything else unchanged. */
export function explainDelayRenderTimeout(error: unknown, bundle: { code: string; url: string } | null): unknown {
  const e = error instanceof Error ? error : null;
  const stuck = e ? parseStuckDelayRender(e.message, e.stack) : null;
  if (!stuck) return error;
  if (bundle && mapped?.code !== bundle.code) mapped = { code: bundle.code, map: inlineSourceMap(bundle.code) };
  const locate = (frame: string): string | null => {
    const m = FRAME.exec(frame);
    if (!m || !bundle || m[1] !== bundle.url || !mapped?.map) return null;
    const at = mapped.map.original(Number(m[2]) - BUNDLE_WRAPPER_LINES, Number(m[3]));
    return at ? `${at.file}:${at.line}:${at.column}` : null;
  };
  return new Error(explainStuckDelayRender(stuck, creationSite(stuck, locate)));
}
