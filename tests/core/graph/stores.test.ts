import { describe, expect, it } from 'vitest';
import { makeMemoryCacheStore } from '../../../src/core/graph/cache-store';
import { makeMemoryJobStore } from '../../../src/core/graph/job-store';
import { makeMemoryTakeStore } from '../../../src/core/graph/take-store';
import { cacheStoreContract, jobStoreContract, takeStoreContract } from './store-contracts';

cacheStoreContract('Memory', () => makeMemoryCacheStore());
jobStoreContract('Memory', () => makeMemoryJobStore());
takeStoreContract('Memory', () => makeMemoryTakeStore());

describe('Memory cache with a size limit', () => {
  it('drops the least recently used entry', async () => {
    const cache = makeMemoryCacheStore({ maxEntries: 2 });
    const entry = (key: string) => ({ key, kind: 'prompt', outputs: {}, createdAt: 0 });
    await cache.set(entry('a'));
    await cache.set(entry('b'));
    await cache.getMany(['a']); // a is now the most recent
    await cache.set(entry('c'));
    expect((await cache.getMany(['a', 'b', 'c'])).map((e) => e?.key)).toEqual(['a', undefined, 'c']);
    expect(cache.size).toBe(2);
  });
});
