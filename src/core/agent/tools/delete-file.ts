import { z } from 'zod';
import { dirname, joinPath } from '../../bundler/resolve-import';
import { findEntry } from '../../bundler/find-entry';
import { defineTool, fail } from './tool-types';
import { normalizeProjectPath } from './tool-helpers';

const args = z.object({
  path: z.string().min(1).max(300),
  force: z.boolean().default(false).describe('Delete even if other files import it (they will then fail to build)'),
});

const stripExt = (p: string) => p.replace(/\.(tsx?|jsx?|mjs|json|css)$/, '').replace(/\/index$/, '');

/** Deletes a file, refusing the entry point and (unless forced) files other files still import. */
export const deleteFile = defineTool({
  name: 'delete_file',
  description: 'Delete a project file. Refuses the entry point, and files still imported elsewhere unless force is true (remove the imports first).',
  args,
  mutates: true,
  async run(a, { workspace, projectMapper }) {
    const path = normalizeProjectPath(a.path);
    if (!path.ok) return fail('invalid_path', path.message);
    const files = await workspace.listFiles();
    const target = files.find((f) => f.path === path.path);
    if (!target) return fail('file_not_found', `${path.path} does not exist.`);
    const sources = new Map(files.map((f) => [f.path, f.content]));
    if (findEntry(sources) === path.path) return fail('entry_point', `${path.path} is the entry point (it calls registerRoot); the project cannot run without it.`);
    if (!a.force) {
      const importers = (await projectMapper.map(sources))
        .files.filter((f) => f.path !== path.path && f.imports.some((i) => i.from.startsWith('.') && joinPath(dirname(f.path), i.from) !== null && stripExt(joinPath(dirname(f.path), i.from)!) === stripExt(path.path)))
        .map((f) => f.path);
      if (importers.length) return fail('file_in_use', `${path.path} is imported by ${importers.join(', ')}. Remove those imports first, or pass force: true.`);
    }
    const written = await workspace.applyChanges([{ path: path.path, content: null, expectedHash: target.hash }]);
    if (!written.ok) return fail(written.code, written.message);
    return { ok: true, summary: `deleted ${path.path}`, output: { deleted: path.path }, changedFiles: [path.path] };
  },
});
