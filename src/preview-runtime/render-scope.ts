import { createElement, useContext, type ComponentType } from 'react';
import { Internals } from 'remotion';
import * as Remotion from 'remotion';

/** The part of @remotion/web-renderer's per-render delayRender scope that handles live in. */
interface DelayScope {
  remotion_renderReady: boolean;
  remotion_delayRenderHandles: number[];
  remotion_cancelledError?: string;
  remotion_puppeteerTimeout?: number;
}

/**
 * The web renderer waits only on handles made in its own scope (useDelayRender); the global
 * delayRender() that most projects call marks the window, so their frames were captured before
 * the data or font arrived. While a composition renders, global calls join that render's scope.
 */
let active: DelayScope | null = null;

/** The composition as the web renderer mounts it, remembering the render's scope. */
export function withRenderScope<P extends object>(component: ComponentType<P>): ComponentType<P> {
  const Scoped = (props: P) => {
    const scope = useContext(Internals.DelayRenderContextType) as unknown as DelayScope | null;
    if (scope) active = scope;
    return createElement(component, props);
  };
  Scoped.displayName = `Scoped(${component.displayName ?? component.name ?? 'Composition'})`;
  return Scoped;
}

/** After a render: global calls go back to the window (the preview's player). */
export function endRenderScope() {
  active = null;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** delayRender/continueRender for `remotion`'s namespace: into the active render's scope, else Remotion's own. */
export function makeScopedDelayRender() {
  const ours = new Map<number, { scope: DelayScope; timer: ReturnType<typeof setTimeout> }>();
  const delayRender = (label?: string, options?: { timeoutInMilliseconds?: number }): number => {
    const scope = active;
    if (!scope) return Remotion.delayRender(label, options);
    const handle = Math.random();
    scope.remotion_delayRenderHandles.push(handle);
    scope.remotion_renderReady = false;
    const created = (new Error().stack ?? '').split('\n').slice(1).join('\n');
    // As Remotion: fire 2 s before the renderer gives up, with its wording, so the render error names the handle.
    const afterMs = Math.max(0, (options?.timeoutInMilliseconds ?? scope.remotion_puppeteerTimeout ?? DEFAULT_TIMEOUT_MS) - 2000);
    const timer = setTimeout(() => {
      scope.remotion_cancelledError = `Error: A delayRender() ${label ? `"${label}" ` : ''}was called but not cleared after ${afterMs}ms.\n${created}`;
    }, afterMs);
    ours.set(handle, { scope, timer });
    return handle;
  };
  const continueRender = (handle: number): void => {
    const mine = ours.get(handle);
    if (!mine) return Remotion.continueRender(handle);
    clearTimeout(mine.timer);
    ours.delete(handle);
    mine.scope.remotion_delayRenderHandles = mine.scope.remotion_delayRenderHandles.filter((h) => h !== handle);
    if (mine.scope.remotion_delayRenderHandles.length === 0) mine.scope.remotion_renderReady = true;
  };
  return { delayRender, continueRender };
}
