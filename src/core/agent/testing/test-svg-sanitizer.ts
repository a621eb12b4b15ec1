import type { SvgSanitizer } from '../ports/svg-sanitizer';

/**
 * A strict stand-in for DOMPurify in Node tests only: drops <script>, <foreignObject>, event
 * handler attributes and javascript:/external hrefs. The app uses DOMPurify; this is not a
 * sanitizer to ship.
 */
export function makeTestSvgSanitizer(): SvgSanitizer {
  return {
    sanitize(svg) {
      const clean = svg
        .replace(/<script[\s\S]*?<\/script\s*>/gi, '')
        .replace(/<script[^>]*\/>/gi, '')
        .replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, '')
        .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
        .replace(/\s(?:xlink:)?href\s*=\s*("(?!#)[^"]*"|'(?!#)[^']*')/gi, '');
      return /<svg[\s>]/i.test(clean) ? clean : null;
    },
  };
}
