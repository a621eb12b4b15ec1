import { z } from 'zod';
import { defineTool } from './tool-types';
import { readSources } from './tool-helpers';
import { groupRuntimeErrors, runtimeProblemLine } from '../checks/runtime-problem-lines';

const args = z.object({
  compositionId: z.string().min(1).max(120).optional().describe('Default: the first composition'),
  frames: z.array(z.number().int().min(0)).max(12).optional().describe('Frames to render; default start, middle and end'),
});

/** Renders a few frames in the sandbox: catches what only shows at runtime (bad props, undefined, throws). */
export const runPreview = defineTool({
  name: 'run_preview',
  description: 'Load the project in the preview sandbox and render a few frames. Returns the compositions found and runtime errors (message, the frames it happened on, the project file:line:column and that line). Run after a clean build check.',
  args,
  mutates: false,
  async run(a, { workspace, previewRunner, signal }) {
    const sources = await readSources(workspace);
    const report = await previewRunner.run({ ...sources, compositionId: a.compositionId, frames: a.frames, signal });
    const grouped = groupRuntimeErrors(report.errors);
    const problems = [...report.buildErrors.map((m) => `build: ${m}`), ...grouped.map(runtimeProblemLine)];
    const clean = report.built && report.errors.length === 0;
    return {
      ok: true,
      summary: clean ? `${report.renderedFrames.length} frames rendered, no errors` : `${problems.length} problem${problems.length > 1 ? 's' : ''}`,
      output: {
        clean,
        compositions: report.compositions.map((c) => ({ id: c.id, width: c.width, height: c.height, fps: c.fps, durationInFrames: c.durationInFrames })),
        renderedFrames: report.renderedFrames,
        // One entry per distinct error, with every frame it happened on and its source line.
        errors: grouped.slice(0, 5),
        buildErrors: report.buildErrors.slice(0, 5),
      },
      check: { kind: 'runtime', clean, problems },
    };
  },
});
