import { z } from 'zod';
import type { FileChange } from '../ports/project-workspace';
import { contentHash } from '../workspace/content-hash';
import { applyLineEdits } from './atomic-edit';
import { defineTool, fail } from './tool-types';
import { normalizeProjectPath, splitLines } from './tool-helpers';

const NEW_FILE = 'new';

const fileEdits = z.object({
  path: z.string().min(1).max(300),
  expectedHash: z.string().min(1).max(64).describe(`The hash read_file/map_project returned for this file; "${NEW_FILE}" creates a file that must not exist yet`),
  edits: z
    .array(
      z.object({
        startLine: z.number().int().min(1).describe('First line to replace (1-based, as read_file shows)'),
        endLine: z.number().int().min(0).describe('Last line to replace, inclusive. startLine - 1 inserts before startLine'),
        newText: z.string().describe('Replacement lines joined by \\n; "" deletes the range'),
      }),
    )
    .min(1)
    .max(50),
});

const args = z.object({
  files: z.array(fileEdits).min(1).max(20).describe('One entry per file (each path once); line numbers as in your last read of that file'),
});

/**
 * Line-range edits across several files as one change: every file's hash is checked and every
 * edit applied in memory first, then all files are written in one atomic batch, or none is.
 */
export const atomicMultiEdit = defineTool({
  name: 'atomic_multi_edit',
  description:
    'Edit several files as one change (e.g. rename a prop in a component and every place that uses it). Each entry is like atomic_edit: path, the hash you read, line-range edits. All files are written together or none is: if any hash is stale or any edit is invalid, nothing is written.',
  args,
  mutates: true,
  async run(a, { workspace }) {
    const seen = new Set<string>();
    const changes: FileChange[] = [];
    const results: { path: string; hash: string; totalLines: number; edits: number }[] = [];
    for (const entry of a.files) {
      const path = normalizeProjectPath(entry.path);
      if (!path.ok) return fail('invalid_path', `${path.message}. Nothing was written.`);
      if (seen.has(path.path)) return fail('duplicate_path', `${path.path} appears twice; put all its edits in one entry. Nothing was written.`);
      seen.add(path.path);
      const current = await workspace.readFile(path.path);
      if (entry.expectedHash === NEW_FILE) {
        if (current) return fail('already_exists', `${path.path} already exists (hash ${current.hash}). Nothing was written.`);
      } else if (!current) {
        return fail('file_not_found', `${path.path} does not exist; use expectedHash "${NEW_FILE}" to create it. Nothing was written.`);
      } else if (current.hash !== entry.expectedHash) {
        return fail('file_changed', `${path.path} changed since you read it (hash is now ${current.hash}, you sent ${entry.expectedHash}). Nothing was written: read it again and resend the whole set.`);
      }
      const edited = applyLineEdits(current?.content ?? '', entry.edits);
      if (!edited.ok) return fail('invalid_edit', `${path.path}: ${edited.message}. Nothing was written.`);
      if (current && edited.content === current.content) continue;
      changes.push({ path: path.path, content: edited.content, expectedHash: current ? current.hash : null });
      results.push({ path: path.path, hash: contentHash(edited.content), totalLines: splitLines(edited.content).length, edits: entry.edits.length });
    }
    if (changes.length === 0) return fail('no_change', 'The edits leave every file unchanged.');
    const written = await workspace.applyChanges(changes);
    if (!written.ok) return fail(written.code === 'conflict' ? 'file_changed' : written.code, `${written.message}. Nothing was written: read the files again.`);
    return {
      ok: true,
      summary: `${results.length} files: ${results.map((r) => r.path).join(', ')}`,
      output: { files: results },
      changedFiles: results.map((r) => r.path),
    };
  },
});
