import type { CompositionInfo, RuntimeErrorInfo } from '../../preview/sandbox-protocol';

export interface PreviewRunInput {
  files: ReadonlyMap<string, string>;
  assetNames: ReadonlySet<string>;
  /** Composition to render; the first one when absent. */
  compositionId?: string;
  /** Frames to render; the runner picks a few (start, middle, end) when absent. */
  frames?: number[];
  signal?: AbortSignal;
}

/** Where a runtime error happened in the project's own sources (mapped from the bundle's stack). */
export interface RuntimeErrorLocation {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  lineText?: string;
}

export interface PreviewRuntimeError extends RuntimeErrorInfo {
  /** The frame being rendered when it happened; absent for load-time errors. */
  frame?: number;
  compositionId?: string;
  /** The project file and line, when the stack could be mapped (see locateRuntimeError). */
  location?: RuntimeErrorLocation;
}

export interface PreviewRunReport {
  /** False when the bundle could not be built at all (then see buildErrors). */
  built: boolean;
  buildErrors: string[];
  compositions: CompositionInfo[];
  renderedFrames: number[];
  errors: PreviewRuntimeError[];
  ms: number;
}

/** Loads the project in the sandbox and renders a few frames. Implemented by the app's sandbox host. */
export interface PreviewRunner {
  /** "stand-in" when frames are not really rendered (the Node double): the turn says runtime checks were limited. */
  readonly fidelity?: 'engine' | 'stand-in';
  run(input: PreviewRunInput): Promise<PreviewRunReport>;
}
