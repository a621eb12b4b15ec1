// Types for the edge's plain-JS test helpers used by the e2e setup.
declare module '*/edge/test/fakes/fake-upstreams.mjs' {
  export function startFakeUpstreams(options: { port: number }): Promise<{ url: string; close: () => Promise<void>; counts: Record<string, number> }>;
}
declare module '*/edge/bench/start-edge.mjs' {
  export function startEdge(options: { upstreamUrl: string; token: string; vars?: Record<string, string> }): Promise<{ url: string; close: () => Promise<void> }>;
}
declare module '*/scripts/lib/local-edge-config-plugin.mjs' {
  export function localEdgeConfigPlugin(config: { edgeUrl: string; accessToken: string }): import('vite').Plugin;
}
declare module '*/edge/local/local-providers.mjs' {
  export const LOCAL_PROVIDER_KEY: string;
  export function startLocalProviders(options?: { port?: number }): Promise<{ url: string; close: () => Promise<void> }>;
}
