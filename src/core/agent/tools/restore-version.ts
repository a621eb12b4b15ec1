import { z } from 'zod';
import { defineTool, fail } from './tool-types';

/** Restores a version after saving the current state, so a restore is itself undoable. */
export const restoreVersion = defineTool({
  name: 'restore_version',
  description: 'Restore the project files to a saved version (the current state is saved first, so this can be undone). Omit versionId to list versions.',
  args: z.object({ versionId: z.string().min(1).max(100).optional() }),
  mutates: true,
  async run(a, { workspace }) {
    const versions = await workspace.listVersions();
    const list = versions.slice(0, 15).map((v) => ({ versionId: v.id, label: v.label, createdAt: new Date(v.createdAt).toISOString(), fileCount: v.fileCount }));
    if (!a.versionId) return { ok: true, summary: `${versions.length} versions`, output: { versions: list } };
    const target = versions.find((v) => v.id === a.versionId);
    if (!target) return fail('version_not_found', `No version "${a.versionId}". Versions: ${list.map((v) => `${v.versionId} "${v.label}"`).join(', ') || 'none'}`);
    const before = new Map((await workspace.listFiles()).map((f) => [f.path, f.hash]));
    const backup = await workspace.saveVersion(`Before restoring "${target.label}"`);
    const restored = await workspace.restoreVersion(target.id);
    if (!restored.ok) return fail('version_not_found', restored.message);
    const after = new Map((await workspace.listFiles()).map((f) => [f.path, f.hash]));
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p) !== after.get(p)).sort();
    return {
      ok: true,
      summary: `restored "${target.label}" (${changed.length} files changed)`,
      output: { restored: target.id, label: target.label, savedCurrentAs: backup.id, changedFiles: changed },
      changedFiles: changed,
    };
  },
});
