import type { BuildChecker } from '../ports/build-checker';
import type { PreviewRunner, PreviewRuntimeError } from '../ports/preview-runner';
import type { StillRenderer } from '../ports/still-renderer';
import { formatDiagnostic } from '../../bundler/build-diagnostics';
import type { CompositionInfo } from '../../preview/sandbox-protocol';
import { parseProjectMap } from '../project-map/parse-project-map';

/** Decides which runtime errors a project "throws" (tests describe faults by their source). */
export type RuntimeFault = (files: ReadonlyMap<string, string>, frame: number) => PreviewRuntimeError | null;

/** The default fault: a component containing `throw new Error("…")` throws that message. */
export const THROW_STATEMENT_FAULT: RuntimeFault = (files, frame) => {
  for (const [path, content] of files) {
    const m = /throw new Error\((['"`])(.*?)\1\)/.exec(content);
    if (m) return { message: m[2]!, frame, componentStack: `\n    at ${path}` };
  }
  return null;
};

function staticCompositions(files: ReadonlyMap<string, string>): CompositionInfo[] {
  const num = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);
  return parseProjectMap(files).compositions.map((c) => ({
    id: c.id ?? 'Unknown',
    width: num(c.width, 1920),
    height: num(c.height, 1080),
    fps: num(c.fps, 30),
    durationInFrames: num(c.durationInFrames, 150),
    defaultProps: c.defaultProps && typeof c.defaultProps === 'object' && !Array.isArray(c.defaultProps) ? (c.defaultProps as Record<string, unknown>) : {},
    propsSchema: null,
  }));
}

/**
 * A PreviewRunner for Node tests: builds with the real bundler, reads compositions with the
 * static parser, and "renders" frames by asking `fault` for errors (no DOM in Node). The app's
 * runner loads the bundle in the sandbox iframe instead.
 */
export function makeFakePreviewRunner(buildChecker: BuildChecker, fault: RuntimeFault = THROW_STATEMENT_FAULT): PreviewRunner & { runs: number } {
  const runner = {
    runs: 0,
    fidelity: 'stand-in' as const,
    async run(input: Parameters<PreviewRunner['run']>[0]) {
      runner.runs++;
      const start = performance.now();
      const build = await buildChecker.check(input);
      if (build.bundleErrors.length) return { built: false, buildErrors: build.bundleErrors.map(formatDiagnostic), compositions: [], renderedFrames: [], errors: [], ms: performance.now() - start };
      const compositions = staticCompositions(input.files);
      const comp = compositions.find((c) => c.id === input.compositionId) ?? compositions[0];
      const last = Math.max(0, (comp?.durationInFrames ?? 1) - 1);
      const frames = input.frames ?? [0, Math.floor(last / 2), last];
      const errors: PreviewRuntimeError[] = [];
      for (const frame of frames) {
        const e = fault(input.files, frame);
        if (e) {
          errors.push({ ...e, ...(comp ? { compositionId: comp.id } : {}) });
          break;
        }
      }
      return { built: true, buildErrors: [], compositions, renderedFrames: errors.length ? [] : frames, errors, ms: performance.now() - start };
    },
  };
  return runner;
}

/** A 1×1 PNG: the bytes are real, the picture is not; vision answers come from a scripted model. */
export const TINY_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII='), (c) => c.charCodeAt(0));

export function makeFakeStillRenderer(): StillRenderer & { requests: number[] } {
  const requests: number[] = [];
  return {
    requests,
    fidelity: 'placeholder',
    async renderStill(input) {
      requests.push(input.frame);
      const comps = staticCompositions(input.files);
      const comp = comps.find((c) => c.id === input.compositionId) ?? comps[0];
      if (!comp) return { ok: false, code: 'no_composition', message: 'The project has no <Composition>.' };
      if (input.frame >= comp.durationInFrames) return { ok: false, code: 'frame_out_of_range', message: `frame ${input.frame} is past the end (${comp.durationInFrames} frames)` };
      return { ok: true, png: TINY_PNG, width: comp.width, height: comp.height, compositionId: comp.id };
    },
  };
}
