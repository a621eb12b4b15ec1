import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type ServiceConfig } from '../../src/config.js';
import { startService, type RunningService } from '../../src/service.js';

export const TEST_TOKEN = 'render-test-token-0123456789';

/** A real service on a free port with its own work directory (so no bundle cache carries over between runs). */
export async function startTestService(env: Record<string, string> = {}): Promise<RunningService & { config: ServiceConfig; call: typeof fetch }> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'director-render-test-'));
  const config = loadConfig({
    RENDER_PORT: '0',
    RENDER_BACKEND_TOKEN: TEST_TOKEN,
    RENDER_WORK_DIR: workDir,
    RENDER_LOG: 'silent',
    RENDER_GOOGLE_FONTS: 'local',
    RENDER_CORES: '2', // one render at a time, whatever the machine
    ...env,
  });
  const service = await startService(config);
  const call: typeof fetch = (input, init = {}) =>
    fetch(`${service.url}${input}`, { ...init, headers: { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) } });
  const close = async () => {
    await service.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  return { ...service, close, config, call };
}

/** Polls GET /renders/:id until the render leaves the running states. */
export async function waitForRender(call: typeof fetch, id: string, timeoutMs = 180_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { render } = (await (await call(`/renders/${id}`)).json()) as any;
    if (['done', 'failed', 'cancelled'].includes(render.status)) return render;
    if (Date.now() > until) throw new Error(`render ${id} still ${render.status} (${render.stage}) after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
