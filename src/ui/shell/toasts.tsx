import { createSignal, For, Show } from 'solid-js';

export interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'error';
  action?: { label: string; run: () => void };
  /** Runs once when the toast goes away without its action being taken. */
  onExpire?: () => void;
}

const [toasts, setToasts] = createSignal<Toast[]>([]);
let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

/** Shows a message at the bottom of the screen; errors stay until dismissed. */
export function showToast(toast: Omit<Toast, 'id'>, ms = toast.kind === 'error' ? 0 : 6000): number {
  const id = nextId++;
  setToasts((list) => [...list, { ...toast, id }]);
  if (ms > 0) timers.set(id, setTimeout(() => dismissToast(id, true), ms));
  return id;
}

export function dismissToast(id: number, expired = false) {
  const toast = toasts().find((t) => t.id === id);
  clearTimeout(timers.get(id));
  timers.delete(id);
  setToasts((list) => list.filter((t) => t.id !== id));
  if (toast && expired) toast.onExpire?.();
}

/** Runs the newest toast's action (Ctrl+Z undoes the last delete while its toast shows). */
export function runLatestToastAction(): boolean {
  const toast = [...toasts()].reverse().find((t) => t.action);
  if (!toast) return false;
  dismissToast(toast.id);
  toast.action!.run();
  return true;
}

export function Toasts() {
  return (
    <div class="toasts" role="region" aria-label="Notifications" aria-live="polite">
      <For each={toasts()}>
        {(t) => (
          <div class="toast" classList={{ error: t.kind === 'error' }} role={t.kind === 'error' ? 'alert' : 'status'}>
            <span class="toast-message">{t.message}</span>
            <Show when={t.action}>
              {(action) => (
                <button
                  class="toast-action"
                  onClick={() => {
                    dismissToast(t.id);
                    action().run();
                  }}
                >
                  {action().label}
                </button>
              )}
            </Show>
            <button class="toast-close" aria-label="Dismiss" onClick={() => dismissToast(t.id, true)}>
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
