import type { RenderQuality } from './render-quality';
import type { CompositionLayout } from './frame-layout';
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
  /** Sent once on window with a MessagePort transferred; every later message goes over that port. */
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
  | { type: 'inspect-css'; requestId: number; compositionId: string; inputProps: Record<string, unknown> }
  | { type: 'inspect-layout'; requestId: number; compositionId: string; inputProps: Record<string, unknown>; frames: number[] };

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
  | { type: 'layout-report'; requestId: number; layout: CompositionLayout }
  | { type: 'request-error'; requestId: number; error: RuntimeErrorInfo }
  /** Something the project uses works differently here (remote media, a Google font offline); `code` repeats with a newer message. */
  | { type: 'runtime-warning'; warning: RuntimeWarning };

export interface RuntimeWarning {
  /** Stable per cause, e.g. "remote-assets" or "google-font:Inter". */
  code: string;
  message: string;
  /** The remote addresses a "remote-assets" warning is about, for saving them into the project. */
  urls?: string[];
}

/**
 * What the sandbox may load: scripts only from blob: (the runtime and project bundles) and the boot
 * script inline; media, fonts and connections only from the app's own origin, blob: and data:.
 * Project code can therefore not send anything anywhere else (fetch, beacons, sockets, images).
 */
export function sandboxCsp(appOrigin: string): string {
  const own = `${appOrigin} blob: data:`;
  return [
    "default-src 'none'",
    // Inline for the boot script below; eval stays allowed for libraries that use it: neither reaches the network.
    "script-src 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
    'worker-src blob:',
    "style-src 'unsafe-inline' blob: data:",
    `img-src ${own}`,
    `media-src ${own}`,
    `font-src ${own}`,
    `connect-src ${own}`,
    "form-action 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/**
 * The page that boots the sandbox: it waits for the runtime's code and the host's MessagePort,
 * keeps the port where only the runtime's first lines can take it, then imports the runtime from a
 * blob. After that the host listens only to that port, which project code never sees.
 */
export function sandboxSrcdoc(appOrigin: string): string {
  const csp = sandboxCsp(appOrigin).replace(/"/g, '&quot;');
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><style>html,body,#root{margin:0;width:100%;height:100%;background:#000;overflow:hidden}</style></head><body><div id="root"></div><script type="module">
addEventListener('message', function boot(event) {
  if (event.source !== parent || !event.data || event.data.type !== 'director:runtime' || !event.ports[0]) return;
  removeEventListener('message', boot);
  var port = event.ports[0];
  Object.defineProperty(globalThis, '${HOST_PORT_GLOBAL}', { value: port, configurable: true });
  import(URL.createObjectURL(new Blob([event.data.code], { type: 'text/javascript' }))).catch(function (e) {
    port.postMessage({ type: 'runtime-error', error: { message: 'The preview runtime failed to start: ' + e } });
  });
});
parent.postMessage({ type: 'director:sandbox-loaded' }, '*');
</script></body></html>`;
}

/** Where the boot script leaves the host's port for the runtime, which removes it at once. */
export const HOST_PORT_GLOBAL = '__directorHostPort';
