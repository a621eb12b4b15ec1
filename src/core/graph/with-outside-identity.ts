import type { KindRegistry } from './kind-registry';
import type { AnyNodeKindDef } from './node-kind';

/**
 * A registry whose nodes of `kinds` also key on something outside the graph: a Composition's
 * output depends on the project's code, which no param or input holds. When `identity()` changes
 * (an edit in the Code view), those nodes and everything downstream get new cache keys, so they
 * show as stale and run again instead of returning an old render.
 *
 * @example withOutsideIdentity(defaultKindRegistry, ['composition'], () => sourceHash())
 */
export function withOutsideIdentity(base: KindRegistry, kinds: readonly string[], identity: () => string): KindRegistry {
  const wrapped = new Map<string, AnyNodeKindDef>();
  for (const kind of kinds) {
    const def = base.get(kind);
    if (!def) continue;
    const own = def.cacheIdentity;
    wrapped.set(kind, { ...def, cacheIdentity: (params: never) => ({ params: own ? own(params) : params, outside: identity() }) } as AnyNodeKindDef);
  }
  const list = base.list().map((def) => wrapped.get(def.kind) ?? def);
  return { get: (kind) => wrapped.get(kind) ?? base.get(kind), list: () => list };
}
