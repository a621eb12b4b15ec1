import { liveQuery } from 'dexie';
import { createSignal, getOwner, onCleanup, type Accessor } from 'solid-js';

/**
 * A Solid signal that follows a Dexie query: it re-runs when any tab writes what the query read.
 * `loaded()` tells an empty result from one not read yet; `error()` holds a failed read.
 */
export function createLiveQuery<T>(query: () => Promise<T> | T, initial: T) {
  const [value, setValue] = createSignal<T>(initial);
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<Error | undefined>();
  const subscription = liveQuery(query).subscribe({
    next: (v) => {
      setValue(() => v);
      setLoaded(true);
      setError(undefined);
    },
    error: (e: unknown) => setError(e instanceof Error ? e : new Error(String(e))),
  });
  const dispose = () => subscription.unsubscribe();
  if (getOwner()) onCleanup(dispose);
  return { value: value as Accessor<T>, loaded, error, dispose };
}
