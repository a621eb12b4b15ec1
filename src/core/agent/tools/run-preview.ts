import { z } from 'zod';
import { defineTool } from './tool-types';
import { readSources } from './tool-helpers';

const args = z.object({
  compositionId: z.string().min(1).max(120).optional().describe('Default: the first composition'),
  frames: z.array(z.number().int().min(0)).max(12).optional().describe('Frames to render; default start, middle and end'),
});

/** Renders a few frames in the sandbox: catches what only shows at runtime (bad props, undefined, throws). */
export const runPreview = defineTool({
  name: 'run_preview',
  description: 'Load the project in the preview sandbox and render a few frames. Returns the compositions found and runtime errors (message, component stack, frame). Run after a clean build check.',
  args,
  mutates: false,
  async run(a, { workspace, previewRunner, signal }) {
    const sources = await readSources(workspace);
    const report = await previewRunner.run({ ...sources, compositionId: a.compositionId, frames: a.frames, signal });
    const problems = [
      ...report.buildErrors.map((m) => `build: ${m}`),
      ...report.errors.map((e) => `${e.frame !== undefined ? `frame ${e.frame}: ` : ''}${e.message}${e.componentStack ? ` (in ${e.componentStack.trim().split('\n')[0]!.trim()})` : ''}`),
    ];
    const clean = report.built && report.errors.length === 0;
    return {
      ok: true,
      summary: clean ? `${report.renderedFrames.length} frames rendered, no errors` : `${problems.length} problem${problems.length > 1 ? 's' : ''}`,
      output: {
        clean,
        compositions: report.compositions.map((c) => ({ id: c.id, width: c.width, height: c.height, fps: c.fps, durationInFrames: c.durationInFrames })),
        renderedFrames: report.renderedFrames,
        errors: report.errors.slice(0, 5).map((e) => ({ message: e.message, frame: e.frame, componentStack: e.componentStack?.slice(0, 400), stack: e.stack?.slice(0, 400) })),
        buildErrors: report.buildErrors.slice(0, 5),
      },
      check: { kind: 'runtime', clean, problems },
    };
  },
});
