import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { preview, type PreviewServer } from 'vite';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    edgeUrl: string;
    edgeToken: string;
    fakesUrl: string;
  }
}

const EDGE_TOKEN = 'e2e-access-token';
let server: PreviewServer | undefined;
let edge: { close: () => Promise<void> } | undefined;
let fakes: { close: () => Promise<void> } | undefined;

/** Serves dist/ exactly as `npm start` does (same headers, service worker), on a test port. */
export async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const port = Number(process.env.E2E_PORT ?? 4317);
  server = await preview({ logLevel: 'warn', preview: { port, strictPort: true, host: '127.0.0.1' } });
  project.provide('baseUrl', `http://localhost:${port}`);

  // The real edge (its deploy bundle in workerd) in front of fake providers that speak their wire formats.
  const { startFakeUpstreams } = await import('../../edge/test/fakes/fake-upstreams.mjs');
  const { startEdge } = await import('../../edge/bench/start-edge.mjs');
  // Veo results are a real (tiny) H.264 clip, so Extend can take its last frame.
  const upstreams = await startFakeUpstreams({ port: 0, videoBytes: readFileSync('tests/media/fixtures/clip.mp4'), veoPollsUntilDone: 3 } as never);
  fakes = upstreams;
  const started = await startEdge({ upstreamUrl: upstreams.url, token: EDGE_TOKEN, vars: { ALLOWED_ORIGINS: `http://localhost:${port}` } });
  edge = started;
  project.provide('edgeUrl', started.url);
  project.provide('edgeToken', EDGE_TOKEN);
  project.provide('fakesUrl', upstreams.url);
}

export async function teardown() {
  await server?.close();
  await edge?.close();
  await fakes?.close();
}
