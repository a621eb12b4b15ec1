// Generated files of the local demo providers, in memory while they run (the app downloads each
// result at once, as it must from the real providers, which delete them after two days).
import { googleId } from './wire-http.mjs';

/** @typedef {{ put(bytes: Buffer, type: string): string, get(id: string): { bytes: Buffer, type: string } | undefined }} MediaStore */

/**
 * @param {{ maxFiles?: number }} [options] the oldest files go first beyond this count
 * @returns {MediaStore}
 */
export function makeMediaStore({ maxFiles = 60 } = {}) {
  const files = new Map();
  return {
    put(bytes, type) {
      const id = googleId(12);
      files.set(id, { bytes, type });
      while (files.size > maxFiles) files.delete(files.keys().next().value);
      return id;
    },
    get(id) {
      return files.get(id);
    },
  };
}
