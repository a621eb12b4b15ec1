import { createElement, type ComponentType } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Internals } from 'remotion';
import { toJSONSchema, type ZodType } from 'zod';
import type { CompositionInfo } from '../core/preview/sandbox-protocol';

/** A registered <Composition>, with what the Player and the web renderer need to play it. */
export interface CollectedComposition {
  info: CompositionInfo;
  component: ComponentType<Record<string, unknown>>;
  schema: ZodType | null;
}

interface Registered {
  id: string;
  width?: number;
  height?: number;
  fps?: number;
  durationInFrames?: number;
  defaultProps?: Record<string, unknown>;
  component: ComponentType<Record<string, unknown>>;
  schema: ZodType | null;
  calculateMetadata: ((options: Record<string, unknown>) => Promise<Record<string, unknown>> | Record<string, unknown>) | null;
}

const noop = () => undefined;

/** How long a Root may take to register its first <Composition> (suspended parts) before it is said to have none. */
const REGISTRATION_WAIT_MS = 3000;

/**
 * Mounts the project's Root off-screen inside Remotion's composition registry and records every
 * <Composition> it declares, as Remotion Studio does; then resolves calculateMetadata.
 */
export async function collectCompositions(Root: ComponentType): Promise<CollectedComposition[]> {
  const registered: Registered[] = [];
  let failure: unknown = null;
  const setters = {
    registerComposition: (c: Registered) => registered.push(c),
    unregisterComposition: noop,
    registerFolder: noop,
    unregisterFolder: noop,
    setCanvasContent: noop,
    setCurrentAssetMetadata: noop,
    onlyRenderComposition: null,
  };
  const container = document.createElement('div');
  const root = createRoot(container, {
    onUncaughtError: (error) => (failure = error),
    onCaughtError: (error) => (failure = error),
  });
  // Registration happens in effects. A synchronous render commits and runs them before flushSync
  // returns; a Root that suspends (lazy parts) registers later, so wait for it within a deadline
  // rather than a fixed number of ticks, which a busy machine outran.
  flushSync(() => root.render(createElement(Internals.CompositionSetters.Provider, { value: setters as never }, createElement(Root))));
  const deadline = performance.now() + REGISTRATION_WAIT_MS;
  while (registered.length === 0 && !failure && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  root.unmount();
  if (failure) throw failure;
  if (registered.length === 0) throw new Error('The Root component registers no <Composition>. Add one, e.g. <Composition id="Main" component={Main} durationInFrames={150} fps={30} width={1920} height={1080} />.');

  const collected: CollectedComposition[] = [];
  for (const c of registered) {
    const defaultProps = c.defaultProps ?? {};
    const meta = c.calculateMetadata
      ? await c.calculateMetadata({ defaultProps, props: defaultProps, abortSignal: new AbortController().signal, compositionId: c.id, isRendering: false })
      : {};
    const pick = (key: 'width' | 'height' | 'fps' | 'durationInFrames') => (meta[key] as number | undefined) ?? c[key];
    const info: CompositionInfo = {
      id: c.id,
      width: pick('width') ?? 0,
      height: pick('height') ?? 0,
      fps: pick('fps') ?? 30,
      durationInFrames: pick('durationInFrames') ?? 1,
      defaultProps: jsonSafe({ ...defaultProps, ...((meta.props as Record<string, unknown>) ?? {}) }),
      propsSchema: c.schema ? schemaToJson(c.schema) : null,
    };
    for (const key of ['width', 'height', 'fps', 'durationInFrames'] as const)
      if (!(info[key] > 0)) throw new Error(`<Composition id="${c.id}"> needs a positive ${key}, got ${String(info[key])}.`);
    collected.push({ info, component: c.component, schema: c.schema });
  }
  return collected;
}

function schemaToJson(schema: ZodType): Record<string, unknown> | null {
  try {
    return toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Props cross to the app by postMessage and into IndexedDB: keep what survives JSON. */
function jsonSafe(value: Record<string, unknown>): Record<string, unknown> {
  try {
    return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  } catch {
    return {};
  }
}
