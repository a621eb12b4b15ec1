import { z } from 'zod';
import { defineTool } from './tool-types';

const args = z.object({
  under: z.string().max(300).optional().describe('Only files under this folder, e.g. "src/scenes"'),
});

/** The project's structure from the TypeScript parser, so the model edits what is there. */
export const mapProject = defineTool({
  name: 'map_project',
  description:
    'Map the project: files (with line counts), imports, exports, components and their props, zod schemas, and every <Composition>/<Still> (id, component, size, fps, duration, schema fields, defaultProps). Also the assets and project settings. Call before editing an existing project.',
  args,
  mutates: false,
  async run(a, { workspace, projectMapper }) {
    const [files, assets, settings] = await Promise.all([workspace.listFiles(), workspace.listAssets(), workspace.settings()]);
    const prefix = a.under?.replace(/^\.\//, '').replace(/\/?$/, '/');
    const map = await projectMapper.map(new Map(files.map((f) => [f.path, f.content])));
    const hashes = new Map(files.map((f) => [f.path, f.hash]));
    const keep = (path: string) => !prefix || path.startsWith(prefix);
    return {
      ok: true,
      summary: `${files.length} files, ${map.compositions.length} compositions, ${map.files.reduce((n, f) => n + f.components.length, 0)} components`,
      output: {
        settings,
        files: map.files.filter((f) => keep(f.path)).map((f) => ({
          path: f.path,
          hash: hashes.get(f.path),
          lines: f.lines,
          imports: f.imports.map((i) => `${i.names.join(', ')} from ${i.from}`),
          exports: f.exports.map((e) => `${e.kind} ${e.name}`),
          components: f.components.map((c) => ({ name: c.name, line: c.line, props: c.props.map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type}`), ...(c.propsType ? { propsType: c.propsType } : {}) })),
          ...(f.syntaxErrors.length ? { syntaxErrors: f.syntaxErrors } : {}),
        })),
        otherFiles: map.otherFiles.filter((f) => keep(f.path)),
        compositions: map.compositions,
        assets: assets.map((x) => `${x.name} (${x.mimeType}, ${x.size} bytes)`),
      },
    };
  },
});
