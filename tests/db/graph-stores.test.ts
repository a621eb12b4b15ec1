import { describe } from 'vitest';
import { makeDexieCacheStore, makeDexieJobStore, makeDexieTakeStore } from '../../src/db/graph-stores';
import { cacheStoreContract, jobStoreContract, takeStoreContract } from '../core/graph/store-contracts';
import { freshDb } from './test-db';

// The same contract suites the memory stores pass, against IndexedDB through Dexie.
describe('Dexie graph stores', () => {
  cacheStoreContract('Dexie cache store', () => makeDexieCacheStore(freshDb().db, 'project-1'));
  jobStoreContract('Dexie job store', () => makeDexieJobStore(freshDb().db));
  takeStoreContract('Dexie take store', () => makeDexieTakeStore(freshDb().db));
});
