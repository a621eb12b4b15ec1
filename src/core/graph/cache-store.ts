/**
 * Node outputs by cache key. The executor depends only on this interface; memory here,
 * IndexedDB (Dexie) in src/db, so the cache survives a reload.
 */
export interface CacheEntry {
  key: string;
  kind: string;
  /** Output port name → value (asset ids, text, JSON); must be structured-cloneable. */
  outputs: Record<string, unknown>;
  /** The take these outputs came from. */
  takeId?: string;
  createdAt: number;
}

export interface CacheStore {
  /** One round trip for a whole plan (Dexie: bulkGet). Same order as `keys`. */
  getMany(keys: readonly string[]): Promise<(CacheEntry | undefined)[]>;
  set(entry: CacheEntry): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface MemoryCacheOptions {
  /** Least recently used entries are dropped beyond this many (default: unlimited). */
  maxEntries?: number;
}

/**
 * @example
 * const cache = makeMemoryCacheStore({ maxEntries: 1000 });
 * await cache.set({ key, kind: 'prompt', outputs: { text: 'hi' }, createdAt: Date.now() });
 */
export function makeMemoryCacheStore(options: MemoryCacheOptions = {}): CacheStore & { readonly size: number } {
  const max = options.maxEntries ?? Infinity;
  const entries = new Map<string, CacheEntry>();
  return {
    get size() {
      return entries.size;
    },
    async getMany(keys) {
      return keys.map((key) => {
        const entry = entries.get(key);
        if (entry && max !== Infinity) {
          entries.delete(key); // re-insert: Map order is recency order
          entries.set(key, entry);
        }
        return entry;
      });
    },
    async set(entry) {
      entries.delete(entry.key);
      entries.set(entry.key, entry);
      while (entries.size > max) entries.delete(entries.keys().next().value!);
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}
