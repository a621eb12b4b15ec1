import { canonicalJson } from './canonical-json';

/** Param names whose values differ between two takes (sorted): what a comparison highlights. */
export function paramsThatDiffer(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((name) => canonicalJson(a[name]) !== canonicalJson(b[name])).sort();
}

/** A param value in a few words for a take's caption: long texts cut, objects as compact JSON. */
export function shortValue(value: unknown, max = 40): string {
  const text = typeof value === 'string' ? value : value === undefined ? '—' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
