import { openDirectorDb } from '../db/database';

/** The page's one database connection. Dexie shares change events across tabs via BroadcastChannel. */
export const db = openDirectorDb();
