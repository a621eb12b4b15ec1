import { z } from 'zod';
import { contentHash } from '../workspace/content-hash';
import { defineTool, fail } from './tool-types';
import { normalizeProjectPath, numberLines, splitLines } from './tool-helpers';

const NEW_FILE = 'new';

const edit = z.object({
  startLine: z.number().int().min(1).describe('First line to replace (1-based, as read_file shows)'),
  endLine: z.number().int().min(0).describe('Last line to replace, inclusive. startLine - 1 inserts before startLine without replacing'),
  newText: z.string().describe('Replacement lines joined by \\n; "" deletes the range'),
});

const args = z.object({
  path: z.string().min(1).max(300),
  expectedHash: z.string().min(1).max(64).describe(`The hash read_file/map_project returned for this file; "${NEW_FILE}" creates a file that must not exist yet`),
  edits: z.array(edit).min(1).max(50).describe('Non-overlapping line ranges, numbered against the file as read (not after earlier edits)'),
});

export interface LineEdit {
  startLine: number;
  endLine: number;
  newText: string;
}

/**
 * Applies line-range edits numbered against the original text (bottom-up, so numbers stay valid).
 * Returns an error message for overlapping or out-of-range edits.
 */
export function applyLineEdits(content: string, edits: readonly LineEdit[]): { ok: true; content: string; ranges: [number, number][] } | { ok: false; message: string } {
  const lines = content === '' ? [] : splitLines(content);
  const sorted = [...edits].sort((x, y) => x.startLine - y.startLine || x.endLine - y.endLine);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    if (e.endLine < e.startLine - 1) return { ok: false, message: `edit ${i + 1}: endLine ${e.endLine} is before startLine ${e.startLine} - 1` };
    if (e.startLine > lines.length + 1) return { ok: false, message: `edit ${i + 1}: startLine ${e.startLine} is past the end (the file has ${lines.length} lines; use ${lines.length + 1} to append)` };
    if (e.endLine > lines.length) return { ok: false, message: `edit ${i + 1}: endLine ${e.endLine} is past the end (the file has ${lines.length} lines)` };
    const prev = sorted[i - 1];
    if (prev && e.startLine <= prev.endLine) return { ok: false, message: `edits overlap: lines ${prev.startLine}-${prev.endLine} and ${e.startLine}-${e.endLine}` };
  }
  const out = [...lines];
  const ranges: [number, number][] = [];
  let shift = 0;
  for (const e of sorted) {
    const replacement = e.newText === '' ? [] : splitLines(e.newText);
    ranges.push([e.startLine + shift, e.startLine + shift + replacement.length - 1]);
    shift += replacement.length - (e.endLine - e.startLine + 1);
  }
  for (const e of [...sorted].reverse()) {
    out.splice(e.startLine - 1, e.endLine - e.startLine + 1, ...(e.newText === '' ? [] : splitLines(e.newText)));
  }
  return { ok: true, content: out.join('\n'), ranges };
}

/** Line-range edits guarded by the file's hash: refused, unchanged, if the file moved under the agent. */
export const atomicEdit = defineTool({
  name: 'atomic_edit',
  description:
    'Edit a file by replacing line ranges (1-based, inclusive, numbered as in your last read_file). Pass the hash you read; if the file changed since, nothing is written and you must read it again. All edits apply together or not at all. Also creates a non-component file (expectedHash "new", one edit startLine 1, endLine 0).',
  args,
  mutates: true,
  async run(a, { workspace }) {
    const path = normalizeProjectPath(a.path);
    if (!path.ok) return fail('invalid_path', path.message);
    const current = await workspace.readFile(path.path);
    if (a.expectedHash === NEW_FILE) {
      if (current) return fail('already_exists', `${path.path} already exists (hash ${current.hash}); read it and edit with that hash.`);
    } else {
      if (!current) return fail('file_not_found', `${path.path} does not exist; use expectedHash "${NEW_FILE}" to create it.`);
      if (current.hash !== a.expectedHash) {
        return fail('file_changed', `${path.path} changed since you read it (hash is now ${current.hash}, you sent ${a.expectedHash}). Nothing was written: read_file again and redo the edit against the current lines.`);
      }
    }
    const edited = applyLineEdits(current?.content ?? '', a.edits);
    if (!edited.ok) return fail('invalid_edit', `${path.path}: ${edited.message}. Nothing was written.`);
    if (current && edited.content === current.content) return fail('no_change', `${path.path}: the edits leave the file unchanged.`);
    const written = await workspace.applyChanges([{ path: path.path, content: edited.content, expectedHash: current ? current.hash : null }]);
    if (!written.ok) return fail(written.code === 'conflict' ? 'file_changed' : written.code, `${written.message}. Nothing was written: read_file again.`);
    const lines = splitLines(edited.content);
    const preview = edited.ranges
      .slice(0, 3)
      .map(([s, e]) => {
        const from = Math.max(1, s - 2);
        const to = Math.min(lines.length, Math.max(e, s - 1) + 2, from + 24);
        return numberLines(lines.slice(from - 1, to), from);
      })
      .join('\n…\n');
    return {
      ok: true,
      summary: `${path.path}: ${a.edits.length} edit${a.edits.length > 1 ? 's' : ''}, now ${lines.length} lines`,
      output: { path: path.path, hash: contentHash(edited.content), totalLines: lines.length, preview },
      changedFiles: [path.path],
    };
  },
});
