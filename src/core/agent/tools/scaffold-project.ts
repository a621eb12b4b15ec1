import { z } from 'zod';
import { PROJECT_LIMITS } from '../../project/project';
import { TEMPLATES, templateById } from '../../templates';
import { contentHash } from '../workspace/content-hash';
import { defineTool, fail } from './tool-types';
import { defaultPackageJson } from './package-manifest';

const side = z
  .number()
  .int()
  .min(PROJECT_LIMITS.minSide)
  .max(PROJECT_LIMITS.maxSide)
  .refine((v) => v % 2 === 0, { message: 'must be even (video encoders need it)' });

const args = z.object({
  template: z.enum(TEMPLATES.map((t) => t.id) as [string, ...string[]]).describe(TEMPLATES.map((t) => `${t.id}: ${t.description}`).join(' | ')),
  name: z.string().trim().min(1).max(PROJECT_LIMITS.nameMaxLength).describe('Project and title name'),
  fps: z.number().int().min(PROJECT_LIMITS.minFps).max(PROJECT_LIMITS.maxFps).default(30),
  width: side.default(1920),
  height: side.default(1080),
  replace: z.boolean().default(false).describe('Must be true to replace a project that already has source files'),
});

/** Starts a project from one of the shipped templates (src/core/templates), all files in one batch. */
export const scaffoldProject = defineTool({
  name: 'scaffold_project',
  description:
    'Create the Remotion project from a template (entry src/index.ts, src/Root.tsx with the compositions, scenes). Use it first for a new video, then adapt the generated files. Refuses to overwrite existing sources unless replace is true.',
  args,
  mutates: true,
  async run(a, { workspace }) {
    const template = templateById(a.template)!;
    const existing = await workspace.listFiles();
    if (existing.length > 0 && !a.replace) {
      return fail('project_not_empty', `The project already has ${existing.length} files (${existing.slice(0, 5).map((f) => f.path).join(', ')}…). Edit them, or call scaffold_project with replace: true to start over.`);
    }
    const files: Record<string, string> = { ...template.files({ name: a.name, fps: a.fps, width: a.width, height: a.height }), 'package.json': defaultPackageJson(a.name) };
    const changes = [
      ...existing.filter((f) => !(f.path in files)).map((f) => ({ path: f.path, content: null, expectedHash: f.hash })),
      ...Object.entries(files).map(([path, content]) => {
        const before = existing.find((f) => f.path === path);
        return { path, content, expectedHash: before ? before.hash : null };
      }),
    ];
    const written = await workspace.applyChanges(changes);
    if (!written.ok) return fail(written.code, written.message);
    await workspace.updateSettings({ name: a.name, fps: a.fps, width: a.width, height: a.height });
    const paths = Object.keys(files).sort();
    return {
      ok: true,
      summary: `${template.id}: ${paths.length} files, ${a.width}×${a.height} @ ${a.fps} fps`,
      output: { template: template.id, settings: { name: a.name, fps: a.fps, width: a.width, height: a.height }, files: paths.map((p) => ({ path: p, hash: contentHash(files[p]!) })) },
      changedFiles: [...paths, ...existing.filter((f) => !(f.path in files)).map((f) => f.path)],
    };
  },
});
