/** Arguments in short for the timeline: long strings clipped, the whole line bounded. */
export function shortArgs(args: unknown, max = 160): string {
  const json = JSON.stringify(args ?? {}, (_k, v) => (typeof v === 'string' && v.length > 40 ? `${v.slice(0, 37)}…(${v.length})` : v));
  return clip(json ?? '{}', max);
}

export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Key-order-independent JSON: the same call with reordered arguments is the same call. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
