import { z } from 'zod';
import { defineTool } from './tool-types';

/** A named snapshot the person (or a later restore_version) can return to. */
export const saveVersion = defineTool({
  name: 'save_version',
  description: 'Save the current project files as a named version (a version is also saved automatically before every turn).',
  args: z.object({ label: z.string().trim().min(1).max(120) }),
  mutates: false,
  async run(a, { workspace }) {
    const v = await workspace.saveVersion(a.label);
    return { ok: true, summary: `saved "${v.label}" (${v.id})`, output: { versionId: v.id, label: v.label, fileCount: v.fileCount } };
  },
});
