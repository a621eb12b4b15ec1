import { unzipSync, type UnzipFileInfo } from 'fflate';

/**
 * The hardened steps every zip Director opens goes through (backups, imported Remotion projects):
 * list entries from the central directory without unpacking, flag zip bombs by ratio, unpack
 * within a byte budget counted entry by entry. Callers word the messages for their own file kind.
 */

/** Small entries compress absurdly well (runs of zeros); only large ones are checked for bombs. */
export const BOMB_CHECK_FLOOR = 1024 * 1024;

export type ZipStep<T> = { ok: true; value: T } | { ok: false; why: 'too_many_entries' | 'over_budget' | 'corrupt'; detail: string };

class TooManyEntries extends Error {}
class BudgetSpent extends Error {}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** The entries as the zip declares them, nothing unpacked; stops past `maxEntries`. */
export function listZipEntries(bytes: Uint8Array, maxEntries: number): ZipStep<UnzipFileInfo[]> {
  const infos: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter(info) {
        infos.push(info);
        if (infos.length > maxEntries) throw new TooManyEntries();
        return false;
      },
    });
  } catch (e) {
    if (e instanceof TooManyEntries) return { ok: false, why: 'too_many_entries', detail: `more than ${maxEntries} entries` };
    return { ok: false, why: 'corrupt', detail: (e as Error).message };
  }
  return { ok: true, value: infos };
}

/** True when a large entry claims to grow more than `maxRatio` times (a zip bomb). */
export function isBombEntry(info: UnzipFileInfo, maxRatio: number): boolean {
  return info.originalSize > BOMB_CHECK_FLOOR && info.originalSize > Math.max(info.size, 1) * maxRatio;
}

/** What a whole archive may unpack to: a fixed allowance plus a multiple of its own size, never past the total limit. */
export function unpackBudget(archiveBytes: number, limits: { maxTotalUncompressedBytes: number; unpackAllowanceBytes: number; maxArchiveExpansion: number }): number {
  return Math.min(limits.maxTotalUncompressedBytes, limits.unpackAllowanceBytes + archiveBytes * limits.maxArchiveExpansion);
}

/**
 * Unpacks the entries `want` accepts while counting against the budget, entry by entry, so a lying
 * archive stops before its bytes are produced: fflate inflates into a buffer of the declared size
 * (never more), and a stored entry is a copy of bytes already in the archive.
 */
export function unpackZipWithin(bytes: Uint8Array, budget: number, want: (name: string) => boolean = () => true): ZipStep<Record<string, Uint8Array>> {
  let spent = 0;
  try {
    return {
      ok: true,
      value: unzipSync(bytes, {
        filter(info) {
          if (!want(info.name)) return false;
          spent += Math.max(info.originalSize, info.compression === 0 ? info.size : 0);
          if (spent > budget) throw new BudgetSpent();
          return true;
        },
      }),
    };
  } catch (e) {
    if (e instanceof BudgetSpent) return { ok: false, why: 'over_budget', detail: `past ${budget} bytes` };
    return { ok: false, why: 'corrupt', detail: (e as Error).message };
  }
}
