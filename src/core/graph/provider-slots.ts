import { AbortedError } from './clock';
import type { Provider } from './node-kind';

/** Defaults as a table: paid providers are limited by quota, local work by the device. */
export const DEFAULT_PROVIDER_LIMITS: Readonly<Record<Provider, number>> = {
  veo: 2,
  runway: 1,
  gemini: 2,
  local: 1,
  render: 1,
  // The person's own servers queue for themselves; this only bounds how many wait here at once.
  comfyui: 4,
  openai: 1,
};

export interface SlotTicket {
  /** The job id, so "run first" can find it. */
  id: string;
  priority: number;
  /**
   * The job was running when the page went away and is being picked up again: it is served even
   * while paused, because pausing lets running jobs finish (across a reload too).
   */
  wasRunning?: boolean;
}

/**
 * A counting semaphore per provider whose waiters are served by priority, then in arrival order.
 */
export interface ProviderSlots {
  /** Resolves with a release function once a slot is free; rejects with AbortedError on abort. */
  acquire(provider: Provider, ticket: SlotTicket, signal?: AbortSignal): Promise<() => void>;
  /** Raises a waiting ticket's priority; false when it is not waiting. */
  bump(id: string, priority: number): boolean;
  inFlight(provider: Provider): number;
  /** While paused no waiting job gets a slot (running ones go on, also after a reload); unpausing serves them again. */
  setPaused(paused: boolean): void;
  readonly paused: boolean;
}

interface Waiter {
  ticket: SlotTicket;
  seq: number;
  grant(): void;
}

export function makeProviderSlots(limits: Partial<Record<Provider, number>> = {}): ProviderSlots {
  const resolved: Record<string, number> = { ...DEFAULT_PROVIDER_LIMITS, ...limits };
  const running = new Map<string, number>();
  const waiting = new Map<string, Waiter[]>();
  let seq = 0;
  let paused = false;

  const limitOf = (provider: string) => Math.max(1, resolved[provider] ?? 1);
  const inFlight = (provider: string) => running.get(provider) ?? 0;

  function releaser(provider: string): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      running.set(provider, inFlight(provider) - 1);
      serve(provider);
    };
  }

  function serve(provider: string) {
    const queue = waiting.get(provider);
    while (queue?.length && inFlight(provider) < limitOf(provider)) {
      let best = -1;
      for (let i = 0; i < queue.length; i++) {
        const a = queue[i]!;
        if (paused && !a.ticket.wasRunning) continue;
        const b = best >= 0 ? queue[best]! : null;
        if (!b || a.ticket.priority > b.ticket.priority || (a.ticket.priority === b.ticket.priority && a.seq < b.seq)) best = i;
      }
      if (best < 0) return;
      const [next] = queue.splice(best, 1);
      running.set(provider, inFlight(provider) + 1);
      next!.grant();
    }
  }

  return {
    acquire(provider, ticket, signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(new AbortedError());
        const queue = waiting.get(provider) ?? [];
        waiting.set(provider, queue);
        const onAbort = () => {
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          reject(new AbortedError());
        };
        const waiter: Waiter = {
          ticket,
          seq: seq++,
          grant: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve(releaser(provider));
          },
        };
        queue.push(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
        serve(provider);
      });
    },
    setPaused(next) {
      paused = next;
      if (!paused) for (const provider of [...waiting.keys()]) serve(provider);
    },
    get paused() {
      return paused;
    },
    bump(id, priority) {
      for (const queue of waiting.values()) {
        const waiter = queue.find((w) => w.ticket.id === id);
        if (waiter) {
          waiter.ticket.priority = Math.max(waiter.ticket.priority, priority);
          return true;
        }
      }
      return false;
    },
    inFlight,
  };
}
