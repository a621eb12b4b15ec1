import { z } from 'zod';
import { defineTool, fail } from './tool-types';
import { normalizeProjectPath, numberLines, splitLines } from './tool-helpers';

const MAX_LINES = 400;

const args = z.object({
  path: z.string().min(1).max(300),
  startLine: z.number().int().min(1).optional(),
  endLine: z.number().int().min(1).optional(),
});

/** A file with line numbers and its hash: the hash is what atomic_edit needs. */
export const readFile = defineTool({
  name: 'read_file',
  description: `Read a project file with 1-based line numbers ("12| code") and its content hash (pass it to atomic_edit as expectedHash). At most ${MAX_LINES} lines per call; use startLine/endLine for long files.`,
  args,
  mutates: false,
  async run(a, { workspace }) {
    const path = normalizeProjectPath(a.path);
    if (!path.ok) return fail('invalid_path', path.message);
    const file = await workspace.readFile(path.path);
    if (!file) {
      const paths = (await workspace.listFiles()).map((f) => f.path);
      return fail('file_not_found', `${path.path} does not exist. Files: ${paths.slice(0, 40).join(', ') || '(none)'}`);
    }
    const lines = splitLines(file.content);
    const start = Math.min(a.startLine ?? 1, lines.length);
    const end = Math.min(a.endLine ?? start + MAX_LINES - 1, lines.length, start + MAX_LINES - 1);
    if (end < start) return fail('invalid_range', `endLine ${a.endLine} is before startLine ${start}`);
    return {
      ok: true,
      summary: `${file.path} lines ${start}-${end} of ${lines.length}`,
      output: { path: file.path, hash: file.hash, totalLines: lines.length, startLine: start, endLine: end, content: numberLines(lines.slice(start - 1, end), start) },
    };
  },
});
