/**
 * The preview runtime: runs inside the sandboxed iframe (opaque origin), evaluates project
 * bundles, plays compositions with @remotion/player, renders stills and videos with
 * @remotion/web-renderer, and talks to the app only by postMessage.
 */
import { Player, type PlayerRef } from '@remotion/player';
import { renderQualityOptions } from '../core/preview/render-quality';
import { renderMediaOnWeb, renderStillOnWeb, type RenderMediaOnWebProgress } from '@remotion/web-renderer';
import { createElement } from 'react';
import { createRoot, type ErrorInfo } from 'react-dom/client';
import { HOST_PORT_GLOBAL, type HostToSandbox, type RuntimeErrorInfo, type SandboxToHost } from '../core/preview/sandbox-protocol';
import { withIntrinsicSize } from '../core/media/svg-intrinsic-size';
import { findUnsupportedCss, type CssIssue } from '../core/preview/web-render-css';
import { readFrameLayout } from './inspect-layout';
import { collectCompositions, type CollectedComposition } from './collect-compositions';
import { containRendererTelemetry } from './contain-telemetry';
import { installPrivateStorage } from './private-storage';
import { makeProjectEnvironment } from './project-environment';
import { installAssetFetch } from './asset-fetch';
import { endRenderScope, withRenderScope } from './render-scope';
import { explainDelayRenderTimeout, RENDER_DELAY_TIMEOUT_MS } from './delay-render-timeout';

/**
 * The host's port, left by the boot page: taken and removed before any project code runs, so only
 * this module can talk to the host. Project code posting on the window is ignored by the host.
 */
const hostPort = (globalThis as Record<string, unknown>)[HOST_PORT_GLOBAL] as MessagePort;
delete (globalThis as Record<string, unknown>)[HOST_PORT_GLOBAL];
const postToPort = MessagePort.prototype.postMessage.bind(hostPort) as (message: SandboxToHost) => void;

containRendererTelemetry();
installPrivateStorage();

const post = (message: SandboxToHost) => postToPort(message);

const errorInfo = (error: unknown, componentStack?: string): RuntimeErrorInfo => {
  const e = error instanceof Error ? error : new Error(String(error));
  return { message: e.message, ...(e.stack ? { stack: e.stack } : {}), ...(componentStack ? { componentStack } : {}) };
};

const reportRendering = (error: unknown, info: ErrorInfo) => post({ type: 'runtime-error', error: errorInfo(error, info.componentStack ?? undefined) });
const playerRoot = createRoot(document.getElementById('root')!, { onCaughtError: reportRendering, onUncaughtError: reportRendering });
addEventListener('error', (event) => post({ type: 'runtime-error', error: errorInfo(event.error ?? event.message) }));

let environment: ReturnType<typeof makeProjectEnvironment> | null = null;
/** The environment whose code runs now: the one being loaded (its calculateMetadata fetches) or the current one. */
let running: ReturnType<typeof makeProjectEnvironment> | null = null;
/** The current bundle's source and blob URL, to place stack frames in the project's files. */
let bundle: { code: string; url: string } | null = null;
installAssetFetch((url) => running?.resolveFetch(url) ?? null);
let assetUrls: string[] = [];
let compositions = new Map<string, CollectedComposition>();
/** The player on the page now; null while a new one (another bundle or composition) is mounting. */
const playerRef: { current: PlayerRef | null } = { current: null };
/** The key of the player last rendered: a show with another key mounts a new player. */
let shownKey = '';
/** Raised when the player reports an error: the next show mounts a new one. */
let remounts = 0;
const renders = new Map<number, AbortController>();
/** Every still and export in progress, so a cancelRender() from project code stops them with its reason. */
const rendering = new Set<AbortController>();

class ProjectCancelled extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
  }
}

/** Runs a still or export with a signal; when the project cancelled it, fails with the project's own error. */
async function withCancel<T>(controller: AbortController, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  rendering.add(controller);
  try {
    return await run(controller.signal);
  } catch (error) {
    if (controller.signal.reason instanceof ProjectCancelled) throw controller.signal.reason.cause;
    throw explainDelayRenderTimeout(error, bundle);
  } finally {
    endRenderScope();
    rendering.delete(controller);
  }
}

/** Evaluates a CommonJS bundle as an ES module from a blob (no eval), with our require and hooks. */
async function evaluateBundle(code: string, env: ReturnType<typeof makeProjectEnvironment>): Promise<string> {
  // One line of wrapper before the bundle: BUNDLE_WRAPPER_LINES, which the agent subtracts when it maps stacks.
  const source = `export default function (require, module, exports, __director) {\n${code}\n}`;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    const factory = (await import(/* @vite-ignore */ url)).default as (...args: unknown[]) => void;
    const module = { exports: {} };
    factory(env.require, module, module.exports, env.director);
    return url;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** SVG assets get an intrinsic size so the exporter draws them as the preview shows them. */
async function drawable(blob: Blob): Promise<Blob> {
  if (blob.type !== 'image/svg+xml' || blob.size > 5 * 1024 * 1024) return blob;
  const text = await blob.text();
  const sized = withIntrinsicSize(text);
  return sized === text ? blob : new Blob([sized], { type: blob.type });
}

async function load(message: Extract<HostToSandbox, { type: 'load' }>) {
  const urls = await Promise.all(message.assets.map(async (a) => [a.name, URL.createObjectURL(await drawable(a.blob))] as const));
  const sizes = new Map(message.assets.map((a) => [a.name, a.blob.size]));
  const env = makeProjectEnvironment(new Map(urls.map(([name, url]) => [name, { url, size: sizes.get(name) ?? 0 }])), {
    warn: (code, text, urls) => post({ type: 'runtime-warning', warning: { code, message: text, ...(urls ? { urls } : {}) } }),
    onCancelRender: (error) => {
      for (const controller of rendering) controller.abort(new ProjectCancelled(error));
    },
  });
  running = env;
  try {
    const bundleUrl = await evaluateBundle(message.code, env);
    const Root = env.getRoot();
    if (!Root) throw new Error('The project never calls registerRoot(). Add it to src/index.ts: registerRoot(Root).');
    const collected = await collectCompositions(Root);
    // Success: the new project replaces the old one; until now the last good preview kept playing.
    environment?.dispose();
    for (const url of assetUrls) URL.revokeObjectURL(url);
    environment = env;
    bundle = { code: message.code, url: bundleUrl };
    assetUrls = urls.map(([, url]) => url);
    compositions = new Map(collected.map((c) => [c.info.id, c]));
    post({ type: 'loaded', requestId: message.requestId, compositions: collected.map((c) => c.info) });
  } catch (error) {
    running = environment;
    env.dispose();
    for (const [, url] of urls) URL.revokeObjectURL(url);
    post({ type: 'load-error', requestId: message.requestId, error: errorInfo(error) });
  }
}

function composition(id: string): CollectedComposition {
  const c = compositions.get(id);
  if (!c) throw new Error(`No composition "${id}". This project has: ${[...compositions.keys()].join(', ') || 'none'}.`);
  return c;
}

function show(message: Extract<HostToSandbox, { type: 'show' }>) {
  const c = composition(message.compositionId);
  // One player per composition across bundles: a new bundle swaps the component in the mounted
  // player (as a hot reload does), so its frame, its playing and its started audio carry over.
  // A player that showed an error is mounted afresh, its error boundary with it.
  const key = `${c.info.id}:${remounts}`;
  // The old player's handle must not answer for a new one while it mounts.
  if (key !== shownKey) playerRef.current = null;
  shownKey = key;
  playerRoot.render(
    createElement(Player, {
      key,
      ref: onPlayerHandle,
      component: c.component,
      durationInFrames: c.info.durationInFrames,
      fps: c.info.fps,
      compositionWidth: c.info.width,
      compositionHeight: c.info.height,
      inputProps: { ...c.info.defaultProps, ...message.inputProps },
      loop: message.loop,
      controls: false,
      initialFrame: Math.min(message.frame, c.info.durationInFrames - 1),
      style: { width: '100%', height: '100%' },
      acknowledgeRemotionLicense: true,
      errorFallback: ({ error }: { error: Error }) => {
        reportPlayerError(error);
        return createElement('pre', { style: { color: '#ff8080', padding: '16px', whiteSpace: 'pre-wrap', font: '13px monospace' } }, error.message);
      },
    }),
  );
  requestAnimationFrame(() => announceShown(c.info.id, c.info.durationInFrames));
}

/**
 * Players already reporting, by their container (the ref's handle is remade when props change): a
 * new show on the same player must not add a second set of listeners.
 */
const reporting = new WeakSet<object>();

/**
 * Play was asked for and not paused since: a player mounted later (the first show, or a new
 * bundle, which remounts it) starts playing, so a Play pressed early or a code change while
 * playing does not stop the preview.
 */
let wantsPlaying = false;

/** Every handle the Player hands over: a mount, a remount for a new bundle, a handle remade for new props. */
function onPlayerHandle(player: PlayerRef | null) {
  if (!player) return;
  playerRef.current = player;
  // After the commit: the player's own effects have run, so play() is not lost in its mounting.
  requestAnimationFrame(() => {
    if (playerRef.current !== player) return;
    reportFrames(player);
    playIfWanted(player);
  });
}

const playIfWanted = (player: PlayerRef) => {
  if (wantsPlaying && !player.isPlaying()) player.play();
};

/** The player of the last show is on the page: says so (tests and the host wait on it) with its frame. */
function announceShown(id: string, durationInFrames: number) {
  const player = playerRef.current;
  if (!player) return requestAnimationFrame(() => announceShown(id, durationInFrames));
  reportFrames(player);
  // A new bundle may have made the composition shorter than where the kept player stands.
  if (player.getCurrentFrame() > durationInFrames - 1) player.seekTo(durationInFrames - 1);
  playIfWanted(player);
  post({ type: 'frame', frame: player.getCurrentFrame(), playing: player.isPlaying() });
  post({ type: 'shown', compositionId: id });
}

const reportedErrors = new WeakSet<object>();

/**
 * An error the player's boundary caught, reported once: from its fallback as it renders (a
 * player that throws while mounting does so before any listener is on it) or its error event.
 * The next show mounts a new player, and with it a new boundary.
 */
function reportPlayerError(error: Error) {
  if (reportedErrors.has(error)) return;
  reportedErrors.add(error);
  remounts++;
  queueMicrotask(() => post({ type: 'runtime-error', error: errorInfo(error) }));
}

/** Frame, play and pause events of a player go to the host, once per player. */
function reportFrames(player: PlayerRef) {
  const identity = player.getContainerNode() ?? player;
  if (reporting.has(identity)) return;
  reporting.add(identity);
  const send = () => post({ type: 'frame', frame: player.getCurrentFrame(), playing: player.isPlaying() });
  player.addEventListener('ended', () => (wantsPlaying = false));
  player.addEventListener('frameupdate', send);
  player.addEventListener('play', send);
  player.addEventListener('pause', send);
  player.addEventListener('seeked', send);
  player.addEventListener('ended', send);
  player.addEventListener('error', (e) => reportPlayerError(e.detail.error));
}

function renderOptions(c: CollectedComposition, inputProps: Record<string, unknown>) {
  return {
    composition: {
      id: c.info.id,
      component: withRenderScope(c.component),
      width: c.info.width,
      height: c.info.height,
      fps: c.info.fps,
      durationInFrames: c.info.durationInFrames,
      defaultProps: c.info.defaultProps,
    },
    inputProps: { ...c.info.defaultProps, ...inputProps },
    licenseKey: 'free-license',
    delayRenderTimeoutInMilliseconds: RENDER_DELAY_TIMEOUT_MS,
  };
}

async function still(message: Extract<HostToSandbox, { type: 'still' }>) {
  const c = composition(message.compositionId);
  const frame = Math.max(0, Math.min(message.frame, c.info.durationInFrames - 1));
  const result = await withCancel(new AbortController(), (signal) => renderStillOnWeb({ ...renderOptions(c, message.inputProps), frame, scale: message.scale ?? 1, signal } as never));
  post({ type: 'still-result', requestId: message.requestId, blob: await result.blob({ format: 'png' }) });
}

async function render(message: Extract<HostToSandbox, { type: 'render' }>) {
  const c = composition(message.compositionId);
  const controller = new AbortController();
  renders.set(message.requestId, controller);
  try {
    const result = await withCancel(controller, () => renderMediaOnWeb({
      ...renderOptions(c, message.inputProps),
      container: message.container,
      videoCodec: message.container === 'webm' ? 'vp9' : 'h264',
      signal: controller.signal,
      ...(message.frameRange ? { frameRange: message.frameRange } : {}),
      ...(message.quality ? renderQualityOptions(message.quality) : {}),
      onProgress: (p: RenderMediaOnWebProgress) =>
        post({ type: 'render-progress', requestId: message.requestId, progress: p.progress, renderedFrames: p.renderedFrames, encodedFrames: p.encodedFrames, etaMs: p.renderEstimatedTime ?? null }),
    } as never));
    post({ type: 'render-result', requestId: message.requestId, blob: await result.getBlob() });
  } finally {
    renders.delete(message.requestId);
  }
}

/** Shows the composition at a few frames and collects CSS the web renderer cannot draw. */
async function inspectCss(message: Extract<HostToSandbox, { type: 'inspect-css' }>) {
  const c = composition(message.compositionId);
  show({ type: 'show', compositionId: c.info.id, inputProps: message.inputProps, frame: 0, loop: false });
  const seen = new Map<string, CssIssue>();
  const last = c.info.durationInFrames - 1;
  for (const frame of [0, Math.round(last / 4), Math.round(last / 2), Math.round((3 * last) / 4), last]) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    playerRef.current?.seekTo(frame);
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const element of document.querySelectorAll<HTMLElement>('#root *')) {
      const name = element.tagName.toLowerCase() + (typeof element.className === 'string' && element.className ? '.' + element.className.split(/\s+/)[0] : '');
      findUnsupportedCss(getComputedStyle(element), name, seen);
    }
  }
  post({ type: 'css-report', requestId: message.requestId, issues: [...seen.values()] });
}

/** The text layers and element signature at each asked frame, read from the player's DOM (the automatic visual check). */
async function inspectLayout(message: Extract<HostToSandbox, { type: 'inspect-layout' }>) {
  const c = composition(message.compositionId);
  show({ type: 'show', compositionId: c.info.id, inputProps: message.inputProps, frame: 0, loop: false });
  // Let React commit the (possibly new) player before it is asked anything.
  await new Promise((resolve) => setTimeout(resolve, 30));
  const size = { width: c.info.width, height: c.info.height };
  const frames = [];
  for (const wanted of message.frames) {
    const frame = Math.max(0, Math.min(wanted, c.info.durationInFrames - 1));
    await untilShowing(frame);
    const container = playerRef.current?.getContainerNode();
    if (container) frames.push(readFrameLayout(container, frame, size));
  }
  post({ type: 'layout-report', requestId: message.requestId, layout: { compositionId: c.info.id, ...size, durationInFrames: c.info.durationInFrames, frames } });
}

/**
 * Seeks the player and waits until it shows that frame. Timers, not animation frames: an
 * invisible sandbox (the agent's) gets its animation frames throttled.
 */
async function untilShowing(frame: number) {
  const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  for (let tries = 0; !playerRef.current && tries < 100; tries++) await tick(10);
  playerRef.current?.seekTo(frame);
  for (let tries = 0; tries < 100 && playerRef.current?.getCurrentFrame() !== frame; tries++) await tick(10);
  // React commits the seek's render after the frame state changes.
  await tick(20);
}

async function handle(message: HostToSandbox) {
  switch (message.type) {
    case 'load':
      return load(message);
    case 'show':
      return show(message);
    case 'play':
      // Pressed before the player is on the page (a show still on its way): it plays once it is.
      wantsPlaying = true;
      return playerRef.current?.play();
    case 'pause':
      wantsPlaying = false;
      return playerRef.current?.pause();
    case 'seek':
      return playerRef.current?.seekTo(message.frame);
    case 'loop':
      return; // applied on the next show
    case 'still':
      return still(message);
    case 'render':
      return render(message);
    case 'render-cancel':
      return renders.get(message.requestId)?.abort();
    case 'inspect-css':
      return inspectCss(message);
    case 'inspect-layout':
      return inspectLayout(message);
  }
}

hostPort.onmessage = (event: MessageEvent<HostToSandbox>) => {
  if (!event.data || typeof event.data.type !== 'string') return;
  const message = event.data;
  handle(message).catch((error: unknown) => {
    if ('requestId' in message && message.type !== 'load') post({ type: 'request-error', requestId: message.requestId, error: errorInfo(error) });
    else post({ type: 'runtime-error', error: errorInfo(error) });
  });
};

post({ type: 'ready' });
