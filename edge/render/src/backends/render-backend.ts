import type { Readable } from 'node:stream';
import type { RenderRequest } from '../contract/render-request.js';
import type { RenderView } from '../contract/render-view.js';

export interface RenderFile {
  stream: Readable;
  size: number | undefined;
  contentType: string;
  fileName: string;
  /** Call when the whole file went out (the local backend then shortens its expiry). */
  onFetched(): void;
}

/**
 * Where renders run. The HTTP layer only speaks to this; `RENDER_BACKEND` picks the
 * implementation: `local` (this machine's Chromium) or `lambda` (Remotion Lambda on AWS).
 * Unknown ids throw ServiceError not_found; a file asked for too early throws conflict.
 */
export interface RenderBackend {
  readonly kind: 'local' | 'lambda';
  start(request: RenderRequest, client: string | undefined): Promise<RenderView>;
  get(id: string): Promise<RenderView>;
  cancel(id: string): Promise<RenderView>;
  file(id: string): Promise<RenderFile>;
  /** Queue and slot counts for /health. */
  stats(): Record<string, number>;
  close(): Promise<void>;
}
