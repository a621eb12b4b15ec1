import { z } from 'zod';
import { defineTool } from './tool-types';
import { buildProblemLines } from '../checks/build-problem-lines';
import { diagnosticLines, readSources } from './tool-helpers';

/** Bundles and type-checks the project; problems come back as file:line:col lines. */
export const runBuildCheck = defineTool({
  name: 'run_build_check',
  description: 'Bundle the project (esbuild) and type-check it (TypeScript). Returns errors as "file:line:col message" with the source line and a caret under the column. Run after edits; fix every error before finishing.',
  args: z.object({}),
  mutates: false,
  async run(_a, { workspace, buildChecker, signal }) {
    const sources = await readSources(workspace);
    const report = await buildChecker.check({ ...sources, signal });
    const lines = buildProblemLines(report, sources.files);
    const clean = report.bundleErrors.length === 0 && report.typeErrors.length === 0;
    return {
      ok: true,
      summary: clean ? `clean${report.typeChecked ? '' : ' (bundle only)'}` : `${report.bundleErrors.length} bundle, ${lines.total - report.bundleErrors.length} type errors`,
      output: {
        clean,
        bundleErrors: lines.bundleErrors,
        typeErrors: lines.typeErrors,
        ...(lines.problems.length > lines.bundleErrors.length + lines.typeErrors.length ? { more: lines.problems[lines.problems.length - 1] } : {}),
        typeChecked: report.typeChecked,
        warnings: diagnosticLines(report.warnings, 3),
      },
      check: { kind: 'build', clean, problems: lines.problems },
    };
  },
});
