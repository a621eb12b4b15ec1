import DOMPurify from 'dompurify';

/**
 * SVG is code: it can carry scripts, event handlers and external references. Only the drawing
 * survives (DOMPurify's SVG profiles). Returns null when nothing SVG-like is left.
 */
export function sanitizeSvg(text: string): string | null {
  if (!/<svg[\s>]/i.test(text)) return null;
  const clean = DOMPurify.sanitize(text, { USE_PROFILES: { svg: true, svgFilters: true } });
  return /<svg[\s>]/i.test(clean) ? clean : null;
}
