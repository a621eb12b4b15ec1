/**
 * CSS that @remotion/web-renderer does not draw (it repaints the DOM onto a canvas and only knows
 * a subset of CSS). Found in a composition before an in-browser export, so the person can choose
 * the server render instead of getting a video that differs from the preview.
 */
export interface CssIssue {
  property: string;
  value: string;
  /** e.g. "div.card" — where it was seen first. */
  element: string;
}

type Check = (value: string) => boolean;

export const WEB_RENDER_UNSUPPORTED_CSS: Record<string, Check> = {
  'mix-blend-mode': (v) => v !== 'normal',
  'backdrop-filter': (v) => v !== 'none',
  'object-position': (v) => v !== '50% 50%',
  perspective: (v) => v !== 'none',
  'border-image-source': (v) => v !== 'none',
};

/** Reads the unsupported properties from a computed style; one issue per property and value. */
export function findUnsupportedCss(style: { getPropertyValue(name: string): string }, element: string, seen: Map<string, CssIssue>): void {
  for (const [property, unsupported] of Object.entries(WEB_RENDER_UNSUPPORTED_CSS)) {
    const value = style.getPropertyValue(property).trim();
    if (value && unsupported(value)) {
      const key = `${property}:${value}`;
      if (!seen.has(key)) seen.set(key, { property, value, element });
    }
  }
}

export function describeCssIssues(issues: readonly CssIssue[]): string {
  return issues.map((i) => `${i.property}: ${i.value} (on ${i.element})`).join('; ');
}
