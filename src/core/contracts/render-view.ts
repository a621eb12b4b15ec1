/** What GET /renders/:id answers inside `{render: …}` (the edge passes it through); the app's Render view reads it. */
export type RenderStatus = 'queued' | 'rendering' | 'done' | 'failed' | 'cancelled';
export type RenderStage = 'queued' | 'bundling' | 'rendering' | 'encoding' | 'done' | 'failed' | 'cancelled';

export interface RenderFailure {
  /** build_failed | composition_not_found | render_failed | asset_failed | internal */
  code: string;
  /** Plain words, paths relative to the project. */
  message: string;
  /** Where a build error points, when known. */
  file?: string;
  line?: number;
  column?: number;
}

export interface RenderView {
  id: string;
  status: RenderStatus;
  stage: RenderStage;
  /** 0..1 over the whole job (bundling counts for the first tenth). */
  progress: number;
  composition: string;
  codec: string;
  width: number;
  height: number;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** Frames to render, once the composition is known. */
  frames?: number;
  renderedFrames?: number;
  /** True when the project's bundle came from the cache (no webpack run). */
  bundleCached?: boolean;
  timings?: { bundleMs?: number; renderMs?: number };
  error?: RenderFailure;
  /** Present when done: the file GET /renders/:id/file streams, and until when it is kept. */
  output?: { contentType: string; size: number; fileName: string; expiresAt: string };
}

/** The JSON of every render route that answers one render. */
export interface RenderAnswer {
  render: RenderView;
}
