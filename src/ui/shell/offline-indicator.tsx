import { Show } from 'solid-js';
import { online } from './online-status';

/** A quiet badge: editing keeps working offline, generation waits for the network. */
export function OfflineIndicator() {
  return (
    <Show when={!online()}>
      <span class="badge offline" role="status" title="Projects are saved on this device. Generation and sharing need the network.">
        Offline — your work is saved on this device
      </span>
    </Show>
  );
}
