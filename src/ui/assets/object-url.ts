import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';

/** An object URL for a blob that is revoked when the blob changes or the component goes away. */
export function createObjectUrl(blob: Accessor<Blob | null | undefined>): Accessor<string | undefined> {
  const [url, setUrl] = createSignal<string>();
  createEffect(() => {
    const current = blob();
    if (!current) return setUrl(undefined);
    const made = URL.createObjectURL(current);
    setUrl(made);
    onCleanup(() => URL.revokeObjectURL(made));
  });
  return url;
}
