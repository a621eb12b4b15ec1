/**
 * One client per worker kind, made on first use and shared by every caller, so a page never
 * runs two workers of a kind (two media workers would each load ffmpeg and the decoders).
 */
export interface WorkerRegistry<Clients> {
  get<K extends keyof Clients>(kind: K): Clients[K];
  /** Whether a kind's client was made yet (nothing starts a worker just to ask). */
  has(kind: keyof Clients): boolean;
}

export function makeWorkerRegistry<Clients>(factories: { [K in keyof Clients]: () => Clients[K] }): WorkerRegistry<Clients> {
  const made = new Map<keyof Clients, unknown>();
  return {
    get(kind) {
      if (!made.has(kind)) made.set(kind, factories[kind]());
      return made.get(kind) as Clients[typeof kind];
    },
    has: (kind) => made.has(kind),
  };
}
