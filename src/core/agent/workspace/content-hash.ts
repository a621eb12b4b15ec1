/**
 * A short, fast, synchronous hash of a file's text (cyrb53: 53 bits, 14 hex digits). Not
 * cryptographic: it only tells "is this still the content I read?" for optimistic concurrency,
 * and it must be cheap enough to run on every read and every edit.
 *
 * @example contentHash('hello') // "0a2b3c..." (14 hex digits)
 */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, '0');
}

/** One hash for a whole source tree (paths sorted): detects a project returning to an earlier state. */
export function treeHash(files: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  for (const path of [...files.keys()].sort()) parts.push(`${path}\u0000${contentHash(files.get(path)!)}`);
  return contentHash(parts.join('\u0001'));
}
