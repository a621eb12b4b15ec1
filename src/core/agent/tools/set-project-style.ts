import { describeStyle, mergeStyle, projectStyleSchema } from '../workspace/project-style';
import { defineTool } from './tool-types';

/**
 * Records the project's design decisions. They go into every later system prompt; code still has
 * to use them (the tool does not edit files), which the description tells the model.
 */
export const setProjectStyle = defineTool({
  name: 'set_project_style',
  description:
    "Record the project's design decisions: palette (hex colours), fonts (Google font family names), mood, and notes. Given fields replace, others stay. They are remembered for later turns. This does not edit code: apply the colours and fonts in the files too (keep them in one place, e.g. src/theme.ts or the composition's defaultProps).",
  args: projectStyleSchema,
  mutates: true,
  async run(a, { workspace }) {
    const next = mergeStyle(await workspace.getStyle(), a);
    await workspace.setStyle(next);
    return { ok: true, summary: describeStyle(next).split('\n').join('; ').slice(0, 160), output: { style: next } };
  },
});
