import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { RenderBackend } from './backends/render-backend.js';
import { LocalBackend } from './backends/local-backend.js';
import { LambdaBackend } from './backends/lambda-backend.js';
import { ProjectBundler } from './bundling/project-bundler.js';
import type { ServiceConfig } from './config.js';
import { createApp } from './server/app.js';
import { createLogger } from './server/logger.js';

export interface RunningService {
  url: string;
  port: number;
  backend: RenderBackend;
  close(): Promise<void>;
}

/** Builds the backend the configuration names and serves the HTTP API on it. */
export async function startService(config: ServiceConfig): Promise<RunningService> {
  const log = createLogger(config.log);
  const bundler = new ProjectBundler({ workDir: config.workDir, cacheMax: config.bundleCacheMax, googleFonts: config.googleFonts });
  await bundler.init();
  let backend: RenderBackend;
  if (config.backend === 'lambda' && config.lambda) {
    backend = new LambdaBackend({ ...config, lambda: config.lambda }, bundler, log);
  } else {
    const local = new LocalBackend(config, bundler, log);
    await local.init();
    backend = local;
  }
  const app = createApp({ backend, token: config.token, maxBodyBytes: config.maxBodyBytes, log });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s as Server));
  });
  // Webpack can hold the event loop for seconds; a short keep-alive would then close sockets a
  // client is about to reuse (ECONNRESET on the next poll).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    port,
    backend,
    async close() {
      await backend.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
    },
  };
}
