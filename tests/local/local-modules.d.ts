// Types for the edge's plain-JS local demo providers used by these tests.
declare module '*/edge/local/demo-media.mjs' {
  export interface DemoVideoSpec {
    prompt: string;
    seed?: number;
    width: number;
    height: number;
    seconds: number;
    firstFrame?: Buffer;
    lastFrame?: Buffer;
    continueFrom?: Buffer;
  }
  export const DEMO_FPS: number;
  export function makeDemoVideo(spec: DemoVideoSpec): Promise<Buffer>;
  export function makeDemoImage(spec: { prompt: string; seed?: number; width: number; height: number }): Promise<Buffer>;
}
declare module '*/edge/local/local-providers.mjs' {
  export const LOCAL_PROVIDER_KEY: string;
  export function startLocalProviders(options?: { port?: number; host?: string }): Promise<{ url: string; videoMaker: { ok: boolean; message?: string }; close: () => Promise<void> }>;
}
declare module '*/edge/test/fakes/fake-upstreams.mjs' {
  export const FAKE_DEFAULTS: { realLookingKeys: { gemini: string; runway: string } };
  export function startFakeUpstreams(options: { port: number }): Promise<{ url: string; close: () => Promise<void> }>;
}
declare module '*/edge/local/provider-plan.mjs' {
  export const REAL_BASE_URLS: Record<'gemini' | 'veo' | 'runway', string>;
  export function planProviders(env: Record<string, string | undefined>): {
    providers: Record<'gemini' | 'veo' | 'runway', { real: boolean; keyVar?: string; baseUrl?: string }>;
    local: string[];
    vars: (localUrl: string | undefined) => Record<string, string>;
    secrets: () => Record<string, string>;
    summary: string[];
  };
}
