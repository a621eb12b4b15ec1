import { z } from 'zod';
import { contentHash } from '../workspace/content-hash';
import { defineTool, fail } from './tool-types';

/** Where each kind of component lives, by Remotion project convention. */
export const COMPONENT_FOLDERS = { scene: 'src/scenes', element: 'src/components', overlay: 'src/overlays' } as const;

const args = z.object({
  name: z.string().regex(/^[A-Z][A-Za-z0-9]{0,63}$/, 'must be PascalCase, e.g. "TitleCard"'),
  kind: z.enum(['scene', 'element', 'overlay']).describe('scene: a full-frame part of the video; element: a reusable piece; overlay: drawn above scenes (captions, logo bug, progress)'),
  code: z.string().min(20).max(60_000).describe('The whole .tsx file; it must export a component with exactly this name'),
  overwrite: z.boolean().default(false),
});

/** Writes a new component file where its kind belongs, after checking it parses and exports its name. */
export const createComponent = defineTool({
  name: 'create_component',
  description: `Create a React/Remotion component file: scene → ${COMPONENT_FOLDERS.scene}/<Name>.tsx, element → ${COMPONENT_FOLDERS.element}/<Name>.tsx, overlay → ${COMPONENT_FOLDERS.overlay}/<Name>.tsx. The code must parse and export <Name>. Import it where it is used with atomic_edit.`,
  args,
  mutates: true,
  async run(a, { workspace, projectMapper }) {
    const path = `${COMPONENT_FOLDERS[a.kind]}/${a.name}.tsx`;
    const map = await projectMapper.map(new Map([[path, a.code]]));
    const info = map.files[0]!;
    if (info.syntaxErrors.length) return fail('syntax_error', `The code does not parse: ${info.syntaxErrors.join('; ')}. Nothing was written.`);
    if (!info.exports.some((e) => e.name === a.name)) {
      return fail('missing_export', `The code must export "${a.name}" (found exports: ${info.exports.map((e) => e.name).join(', ') || 'none'}). Nothing was written.`);
    }
    const existing = await workspace.readFile(path);
    if (existing && !a.overwrite) return fail('already_exists', `${path} exists (hash ${existing.hash}). Edit it with atomic_edit, or pass overwrite: true.`);
    const written = await workspace.applyChanges([{ path, content: a.code, expectedHash: existing ? existing.hash : null }]);
    if (!written.ok) return fail(written.code, written.message);
    const component = info.components.find((c) => c.name === a.name);
    return {
      ok: true,
      summary: `${path} (${a.kind})`,
      output: {
        path,
        hash: contentHash(a.code),
        importAs: `import {${a.name}} from './${path.replace(/^src\//, '').replace(/\.tsx$/, '')}';  // from a file in src/`,
        props: component?.props.map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type}`) ?? [],
      },
      changedFiles: [path],
    };
  },
});
