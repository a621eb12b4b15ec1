import { describe, expect, it } from 'vitest';
import type { CacheStore } from '../../../src/core/graph/cache-store';
import type { JobRecord, JobStore } from '../../../src/core/graph/job-store';
import type { TakeStore } from '../../../src/core/graph/take-store';

/**
 * Contract suites for the engine's storage interfaces. Each implementation (Memory here,
 * Dexie in tests/db) runs the same suite: `cacheStoreContract('Dexie', () => makeDexieCache(db))`.
 */

export function cacheStoreContract(name: string, make: () => CacheStore | Promise<CacheStore>) {
  describe(`CacheStore contract: ${name}`, () => {
    it('returns entries in key order, undefined for misses; set overwrites; delete removes', async () => {
      const cache = await make();
      await cache.set({ key: 'a', kind: 'prompt', outputs: { text: 'one' }, createdAt: 1 });
      await cache.set({ key: 'b', kind: 'veo-video', outputs: { video: { assetId: 'x' } }, takeId: 't1', createdAt: 2 });
      const got = await cache.getMany(['b', 'missing', 'a']);
      expect(got.map((e) => e?.key)).toEqual(['b', undefined, 'a']);
      expect(got[0]).toEqual({ key: 'b', kind: 'veo-video', outputs: { video: { assetId: 'x' } }, takeId: 't1', createdAt: 2 });
      await cache.set({ key: 'a', kind: 'prompt', outputs: { text: 'two' }, createdAt: 3 });
      expect((await cache.getMany(['a']))[0]!.outputs).toEqual({ text: 'two' });
      await cache.delete('a');
      expect(await cache.getMany(['a'])).toEqual([undefined]);
      expect(await cache.getMany([])).toEqual([]);
    });
  });
}

export const sampleJob = (patch: Partial<JobRecord> = {}): JobRecord => ({
  id: 'job-1',
  projectId: 'p1',
  nodeId: 'veo-1',
  kind: 'veo-video',
  provider: 'veo',
  cacheKey: 'k1',
  state: 'queued',
  progress: 0,
  attempts: 0,
  priority: 0,
  createdAt: 10,
  updatedAt: 10,
  ...patch,
});

export function jobStoreContract(name: string, make: () => JobStore | Promise<JobStore>) {
  describe(`JobStore contract: ${name}`, () => {
    it('keeps the latest state of each job and lists unfinished ones per project, oldest first', async () => {
      const jobs = await make();
      await jobs.put(sampleJob());
      await jobs.put(sampleJob({ state: 'running', attempts: 1, operationId: 'operations/1', updatedAt: 11 }));
      await jobs.put(sampleJob({ id: 'job-0', nodeId: 'extend-1', state: 'queued', createdAt: 5 }));
      await jobs.put(sampleJob({ id: 'job-2', nodeId: 'veo-2', state: 'done', createdAt: 12 }));
      await jobs.put(sampleJob({ id: 'job-3', projectId: 'other', state: 'running', createdAt: 1 }));

      expect(await jobs.get('job-1')).toMatchObject({ state: 'running', attempts: 1, operationId: 'operations/1' });
      expect((await jobs.listUnfinished('p1')).map((j) => j.id)).toEqual(['job-0', 'job-1']);
      expect((await jobs.listByNode('p1', 'veo-2')).map((j) => j.id)).toEqual(['job-2']);
      expect(await jobs.get('nope')).toBeUndefined();
    });

    it('returns copies: changing a returned row changes nothing stored', async () => {
      const jobs = await make();
      await jobs.put(sampleJob());
      const row = (await jobs.get('job-1'))!;
      row.state = 'done';
      expect((await jobs.get('job-1'))!.state).toBe('queued');
    });
  });
}

export function takeStoreContract(name: string, make: () => TakeStore | Promise<TakeStore>) {
  describe(`TakeStore contract: ${name}`, () => {
    it('lists a node’s takes oldest first', async () => {
      const takes = await make();
      const take = (id: string, createdAt: number, nodeId = 'veo-1') => ({
        id,
        projectId: 'p1',
        nodeId,
        kind: 'veo-video',
        kindVersion: 1,
        cacheKey: `k-${id}`,
        params: { seed: createdAt },
        outputs: { video: id },
        jobId: `j-${id}`,
        createdAt,
      });
      await takes.add(take('b', 20));
      await takes.add(take('a', 10));
      await takes.add(take('c', 30, 'veo-2'));
      expect((await takes.listByNode('p1', 'veo-1')).map((t) => t.id)).toEqual(['a', 'b']);
      expect(await takes.get('c')).toMatchObject({ params: { seed: 30 } });
    });
  });
}
