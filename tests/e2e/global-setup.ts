import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { preview, type PreviewServer } from 'vite';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

/** Serves dist/ exactly as `npm start` does (same headers, service worker), on a test port. */
export async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const port = Number(process.env.E2E_PORT ?? 4317);
  server = await preview({ logLevel: 'warn', preview: { port, strictPort: true, host: '127.0.0.1' } });
  project.provide('baseUrl', `http://localhost:${port}`);
}

export async function teardown() {
  await server?.close();
}
