/**
 * Gives imported rows fresh ids. Ids are random 128-bit strings, so any string value equal to an
 * old id is a reference to that row (a clip's sceneId, a take's assetId) and is rewritten too:
 * references between rows survive without each feature declaring its foreign keys.
 */
export function remapIds<T>(value: T, idMap: ReadonlyMap<string, string>): T {
  if (typeof value === 'string') return (idMap.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map((v) => remapIds(v, idMap)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = remapIds(v, idMap);
    return out as T;
  }
  return value;
}
