/**
 * Cleans untrusted SVG (scripts, event handlers, external references). The app implements it
 * with DOMPurify (USE_PROFILES: {svg: true, svgFilters: true}); returns null when nothing of the
 * SVG survives.
 */
export interface SvgSanitizer {
  sanitize(svg: string): string | null;
}
