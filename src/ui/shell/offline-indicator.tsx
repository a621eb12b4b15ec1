import { Show } from 'solid-js';
import { online } from './online-status';

/** A quiet badge: editing keeps working offline, generation waits for the network. A crowded header may hide its detail (the tooltip keeps it). */
export function OfflineIndicator() {
  return (
    <Show when={!online()}>
      <span class="badge offline" role="status" title="Offline — projects are saved on this device. Generation and sharing need the network.">
        Offline<span class="badge-detail"> — your work is saved on this device</span>
      </span>
    </Show>
  );
}
