import DOMPurify from 'dompurify';
import type { SvgSanitizer } from '../../core/agent/ports/svg-sanitizer';

/**
 * The one SVG sanitiser of the app: uploads, generated drawings and every imported backup or
 * share pass through it. Its own DOMPurify instance, so its hooks touch no other caller.
 */
const purifier = DOMPurify(window);

/** Links may point inside the drawing or at embedded images; never at another document or site. */
const LOCAL_REFERENCE = /^(?:#|data:image\/(?:png|jpeg|gif|webp);)/i;
/** CSS that reaches outside: url(…) to anything but a fragment, or @import. */
const EXTERNAL_CSS = /@import|url\(\s*(?!['"]?#)/i;

purifier.addHook('uponSanitizeAttribute', (_node, data) => {
  if (data.attrName === 'style' && EXTERNAL_CSS.test(data.attrValue)) data.keepAttr = false;
});
purifier.addHook('uponSanitizeElement', (node, data) => {
  if (data.tagName === 'style' && EXTERNAL_CSS.test(node.textContent ?? '')) node.textContent = '';
});

/**
 * SVG is code: it can carry scripts, event handlers, foreignObject HTML and external references.
 * Only the drawing survives (DOMPurify's SVG profiles, links kept local). Returns null when
 * nothing SVG-like is left.
 */
export function sanitizeSvg(text: string): string | null {
  if (!/<svg[\s>]/i.test(text)) return null;
  const clean = purifier.sanitize(text, { USE_PROFILES: { svg: true, svgFilters: true }, ALLOWED_URI_REGEXP: LOCAL_REFERENCE });
  return /<svg[\s>]/i.test(clean) ? clean : null;
}

/** sanitizeSvg behind core's port, for the restore gates and the agent. */
export const svgSanitizer: SvgSanitizer = { sanitize: sanitizeSvg };
