/**
 * Who made a take's outputs: the provider, and whether it was the local demo stand-in of
 * `npm start` (which draws clips from the prompt) rather than the real model. Runners put it in
 * their outputs as `origin`; it is no port, so nothing downstream reads it.
 */
export interface TakeOrigin {
  provider: string;
  local: boolean;
}

/** The edge names the local demo provider that answered in this response header. */
export const LOCAL_PROVIDER_HEADER = 'X-Director-Local-Provider';

export function originOf(provider: string, headers: { get(name: string): string | null }): TakeOrigin {
  return { provider, local: headers.get(LOCAL_PROVIDER_HEADER) !== null };
}

/** The origin stored in a take's outputs, when it has a well-formed one. */
export function takeOrigin(outputs: Record<string, unknown>): TakeOrigin | undefined {
  const origin = outputs.origin as Partial<TakeOrigin> | undefined;
  return origin && typeof origin.provider === 'string' && typeof origin.local === 'boolean' ? { provider: origin.provider, local: origin.local } : undefined;
}
