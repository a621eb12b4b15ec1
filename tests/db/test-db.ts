import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DirectorDb } from '../../src/db/database';

/** A fresh, isolated database per test: its own IndexedDB factory, nothing shared. */
export function freshDb(): { db: DirectorDb; indexedDB: IDBFactory } {
  const indexedDB = new IDBFactory();
  return { db: new DirectorDb('director', { indexedDB, IDBKeyRange }), indexedDB };
}
