import runtimeUrl from '../../preview-runtime/runtime.ts?worker&url';
import type { CssIssue } from '../../core/preview/web-render-css';
import type { CompositionLayout } from '../../core/preview/frame-layout';
import type { RenderQuality } from '../../core/preview/render-quality';
import { parseSandboxMessage } from '../../core/preview/sandbox-message';
import { sandboxSrcdoc, type CompositionInfo, type HostToSandbox, type RuntimeErrorInfo, type RuntimeWarning, type SandboxToHost, type VideoContainer } from '../../core/preview/sandbox-protocol';

let runtimeCode: Promise<string> | null = null;
/** The runtime's code, fetched once from our origin (the service worker serves it offline). */
export function loadRuntimeCode(): Promise<string> {
  runtimeCode ??= fetch(runtimeUrl).then((r) => {
    if (!r.ok) throw new Error(`The preview runtime could not be loaded (${r.status}).`);
    return r.text();
  });
  return runtimeCode;
}

export interface SandboxEvents {
  onFrame?: (frame: number, playing: boolean) => void;
  onRuntimeError?: (error: RuntimeErrorInfo) => void;
  /** A compatibility note from the runtime (remote media drawn as placeholders, fonts offline). */
  onWarning?: (warning: RuntimeWarning) => void;
  /** The player is on the page with what was last shown (a bundle, a composition, props). */
  onShown?: (compositionId: string) => void;
}

/** The sandbox's answer is trusted to fit the request it answers (it is our own runtime). */
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; onProgress?: (p: Extract<SandboxToHost, { type: 'render-progress' }>) => void };

export class SandboxError extends Error {
  constructor(readonly info: RuntimeErrorInfo) {
    super(info.message);
  }
}

/**
 * Runs project code in an iframe sandboxed without allow-same-origin: it cannot reach the app's
 * storage, cookies or DOM, nor (by its CSP) any network but our origin, and can only answer our
 * messages. Those go over a MessagePort handed to the runtime at boot, so project code, which
 * shares the iframe's window, cannot speak for the runtime; every message's shape is checked.
 * One host per preview panel.
 */
export function makeSandboxHost(container: HTMLElement, events: SandboxEvents = {}) {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.setAttribute('allow', 'autoplay; fullscreen');
  iframe.title = 'Preview';
  iframe.className = 'preview-frame';
  iframe.srcdoc = sandboxSrcdoc(location.origin);
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  /** The channel to the runtime, made when the boot page first asks for it; null before that. */
  let port: MessagePort | null = null;
  const send = (message: HostToSandbox) => port?.postMessage(message);

  // The window channel carries one thing: the boot page's first hello. Anything else, or a second
  // hello (project code can post on the window too), is ignored.
  const onWindowMessage = (event: MessageEvent) => {
    if (port || event.source !== iframe.contentWindow || (event.data as { type?: unknown } | null)?.type !== 'director:sandbox-loaded') return;
    const channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = (e: MessageEvent) => {
      const message = parseSandboxMessage(e.data);
      if (message) onMessage(message);
    };
    const target = iframe.contentWindow;
    void loadRuntimeCode().then(
      (code) => target?.postMessage({ type: 'director:runtime', code } satisfies HostToSandbox, '*', [channel.port2]),
      (e: Error) => events.onRuntimeError?.({ message: e.message }),
    );
  };

  /** The latest message per warning code, for views that open after the warning came. */
  const warnings = new Map<string, RuntimeWarning>();

  const onMessage = (message: SandboxToHost) => {
    switch (message.type) {
      case 'director:sandbox-loaded':
        return;
      case 'ready':
        performance.mark('director:sandbox-ready');
        return resolveReady();
      case 'frame':
        return events.onFrame?.(message.frame, message.playing);
      case 'runtime-error':
        return events.onRuntimeError?.(message.error);
      case 'render-progress':
        return pending.get(message.requestId)?.onProgress?.(message);
      case 'loaded':
        return settle(message.requestId, message.compositions);
      case 'css-report':
        return settle(message.requestId, message.issues);
      case 'layout-report':
        return settle(message.requestId, message.layout);
      case 'still-result':
      case 'render-result':
        return settle(message.requestId, message.blob);
      case 'load-error':
      case 'request-error':
        return fail(message.requestId, message.error);
      case 'runtime-warning':
        warnings.set(message.warning.code, message.warning);
        return events.onWarning?.(message.warning);
      case 'shown':
        return events.onShown?.(message.compositionId);
    }
  };
  const settle = (id: number, value: unknown) => {
    pending.get(id)?.resolve(value);
    pending.delete(id);
  };
  const fail = (id: number, error: RuntimeErrorInfo) => {
    pending.get(id)?.reject(new SandboxError(error));
    pending.delete(id);
  };
  const request = <T>(build: (requestId: number) => HostToSandbox, onProgress?: Pending['onProgress']): Promise<T> =>
    ready.then(
      () =>
        new Promise<T>((resolve, reject) => {
          const requestId = nextId++;
          pending.set(requestId, { resolve: resolve as Pending['resolve'], reject, ...(onProgress ? { onProgress } : {}) });
          send(build(requestId));
        }),
    );
  // Stills, exports and CSS checks drive the one player and renderer of the sandbox: one at a time
  // (an automatic thumbnail and a version's still must not interleave).
  let exclusive: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = exclusive.then(run, run);
    exclusive = next.catch(() => undefined);
    return next;
  };

  window.addEventListener('message', onWindowMessage);
  container.append(iframe);

  return {
    iframe,
    ready,
    /** The runtime's warnings so far (one per code, the latest message). */
    warnings: (): RuntimeWarning[] => [...warnings.values()],
    /** Evaluates a bundle; resolves with its compositions, rejects with the error (the old one keeps playing). */
    load: (code: string, assets: { name: string; blob: Blob }[]) => {
      warnings.clear();
      return request<CompositionInfo[]>((requestId) => ({ type: 'load', requestId, code, assets }));
    },
    show: (compositionId: string, inputProps: Record<string, unknown>, frame: number, loop: boolean) =>
      ready.then(() => send({ type: 'show', compositionId, inputProps, frame, loop })),
    play: () => send({ type: 'play' }),
    pause: () => send({ type: 'pause' }),
    seek: (frame: number) => send({ type: 'seek', frame }),
    still: (compositionId: string, inputProps: Record<string, unknown>, frame: number, scale?: number) =>
      serial(() => request<Blob>((requestId) => ({ type: 'still', requestId, compositionId, inputProps, frame, ...(scale ? { scale } : {}) }))),
    inspectCss: (compositionId: string, inputProps: Record<string, unknown>) =>
      serial(() => request<CssIssue[]>((requestId) => ({ type: 'inspect-css', requestId, compositionId, inputProps }))),
    inspectLayout: (compositionId: string, inputProps: Record<string, unknown>, frames: number[]) =>
      serial(() => request<CompositionLayout>((requestId) => ({ type: 'inspect-layout', requestId, compositionId, inputProps, frames }))),
    render(
      compositionId: string,
      inputProps: Record<string, unknown>,
      container: VideoContainer,
      onProgress: (progress: Extract<SandboxToHost, { type: 'render-progress' }>) => void,
      frameRange?: [number, number],
      quality?: RenderQuality,
    ) {
      let requestId = 0;
      const promise = serial(() =>
        request<Blob>((id) => ((requestId = id), { type: 'render', requestId: id, compositionId, inputProps, container, ...(frameRange ? { frameRange } : {}), ...(quality ? { quality } : {}) }), onProgress),
      );
      return { promise, cancel: () => requestId && send({ type: 'render-cancel', requestId }) };
    },
    dispose() {
      window.removeEventListener('message', onWindowMessage);
      port?.close();
      for (const p of pending.values()) p.reject(new Error('The preview was closed.'));
      pending.clear();
      iframe.remove();
    },
  };
}

export type SandboxHost = ReturnType<typeof makeSandboxHost>;
