import { structuredPatch } from 'diff';

export interface FileDiff {
  path: string;
  status: 'added' | 'removed' | 'modified';
  /** Unified-diff hunks, lines prefixed with " ", "+" or "-". */
  hunks: { oldStart: number; newStart: number; lines: string[] }[];
  added: number;
  removed: number;
}

/** What changed between two source trees, file by file (unchanged files left out), sorted by path. */
export function diffFiles(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>, context = 3): FileDiff[] {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const out: FileDiff[] = [];
  for (const path of paths) {
    const a = before.get(path);
    const b = after.get(path);
    if (a === b) continue;
    const patch = structuredPatch(path, path, a ?? '', b ?? '', '', '', { context });
    const hunks = patch.hunks.map((h) => ({ oldStart: h.oldStart, newStart: h.newStart, lines: h.lines }));
    const count = (sign: string) => hunks.reduce((n, h) => n + h.lines.filter((l) => l.startsWith(sign)).length, 0);
    out.push({ path, status: a === undefined ? 'added' : b === undefined ? 'removed' : 'modified', hunks, added: count('+'), removed: count('-') });
  }
  return out;
}
