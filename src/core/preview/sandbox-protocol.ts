import type { RenderQuality } from './render-quality';
import type { CssIssue } from './web-render-css';

/**
 * Messages between the app and the preview sandbox (an iframe without allow-same-origin that
 * runs project code). Everything crosses by postMessage as structured clones; nothing else does.
 */

export interface CompositionInfo {
  id: string;
  width: number;
  height: number;
  fps: number;
  durationInFrames: number;
  /** JSON-safe default props. */
  defaultProps: Record<string, unknown>;
  /** The composition's zod schema as JSON Schema, for the props editor; null without one. */
  propsSchema: Record<string, unknown> | null;
}

/** Lines the sandbox puts before the bundle when it evaluates it (its module wrapper): stack lines minus this are bundle lines. */
export const BUNDLE_WRAPPER_LINES = 1;

export interface RuntimeErrorInfo {
  message: string;
  stack?: string;
  componentStack?: string;
}

export type VideoContainer = 'mp4' | 'webm';

export type HostToSandbox =
  | { type: 'director:runtime'; code: string }
  | { type: 'load'; requestId: number; code: string; assets: { name: string; blob: Blob }[] }
  | { type: 'show'; compositionId: string; inputProps: Record<string, unknown>; frame: number; loop: boolean }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'seek'; frame: number }
  | { type: 'loop'; loop: boolean }
  | { type: 'still'; requestId: number; compositionId: string; inputProps: Record<string, unknown>; frame: number; scale?: number }
  | { type: 'render'; requestId: number; compositionId: string; inputProps: Record<string, unknown>; container: VideoContainer; frameRange?: [number, number]; quality?: RenderQuality }
  | { type: 'render-cancel'; requestId: number }
  | { type: 'inspect-css'; requestId: number; compositionId: string; inputProps: Record<string, unknown> };

export type SandboxToHost =
  | { type: 'director:sandbox-loaded' }
  | { type: 'ready' }
  | { type: 'loaded'; requestId: number; compositions: CompositionInfo[] }
  | { type: 'load-error'; requestId: number; error: RuntimeErrorInfo }
  | { type: 'shown'; compositionId: string }
  | { type: 'frame'; frame: number; playing: boolean }
  | { type: 'runtime-error'; error: RuntimeErrorInfo }
  | { type: 'still-result'; requestId: number; blob: Blob }
  | { type: 'render-progress'; requestId: number; progress: number; renderedFrames: number; encodedFrames: number; etaMs: number | null }
  | { type: 'render-result'; requestId: number; blob: Blob }
  | { type: 'css-report'; requestId: number; issues: CssIssue[] }
  | { type: 'request-error'; requestId: number; error: RuntimeErrorInfo };

/** The page that boots the sandbox: it waits for the runtime's code, then imports it from a blob. */
export const SANDBOX_SRCDOC = `<!doctype html><html><head><meta charset="utf-8"><style>html,body,#root{margin:0;width:100%;height:100%;background:#000;overflow:hidden}</style></head><body><div id="root"></div><script type="module">
addEventListener('message', function boot(event) {
  if (event.source !== parent || !event.data || event.data.type !== 'director:runtime') return;
  removeEventListener('message', boot);
  import(URL.createObjectURL(new Blob([event.data.code], { type: 'text/javascript' }))).catch(function (e) {
    parent.postMessage({ type: 'runtime-error', error: { message: 'The preview runtime failed to start: ' + e } }, '*');
  });
});
parent.postMessage({ type: 'director:sandbox-loaded' }, '*');
</script></body></html>`;
