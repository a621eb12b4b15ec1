import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitFor } from './free-port';

/** `npm start -- --no-build` on free ports: the app, the edge (local demo providers) and the render service. */
let start: ChildProcess;
let output = '';
const ports = { app: 0, edge: 0, render: 0, local: 0 };
const seen = new Set<number>();

/** Every process below `root` now (from /proc: pid → parent). */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => parent.forEach((ppid, child) => ppid === pid && (out.push(child), walk(child)));
  walk(root);
  return out;
}

/** Alive and not a zombie waiting to be reaped. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

beforeAll(async () => {
  if (!existsSync('dist/index.html')) spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (!existsSync('edge/render/dist/main.js')) spawnSync('npm', ['run', 'build', '--silent'], { cwd: 'edge/render', stdio: 'inherit' });
  for (const key of Object.keys(ports) as Array<keyof typeof ports>) ports[key] = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, APP_PORT: String(ports.app), EDGE_PORT: String(ports.edge), RENDER_PORT: String(ports.render), LOCAL_PROVIDERS_PORT: String(ports.local) };
  for (const key of ['GEMINI_API_KEY', 'VEO_API_KEY', 'RUNWAY_API_KEY']) delete env[key];
  // As after a production build in the same shell: the local render service must still come up.
  env.NODE_ENV = 'production';
  start = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  start.stdout!.on('data', (chunk) => (output += chunk));
  start.stderr!.on('data', (chunk) => (output += chunk));
});

afterAll(async () => {
  if (start && start.exitCode === null) {
    const exited = new Promise((resolve) => start.once('exit', resolve));
    start.kill('SIGTERM');
    await exited;
  }
});

const ok = (url: string) => async () => {
  const res = await fetch(url);
  return res.ok ? res : undefined;
};

describe('npm start --no-build', () => {
  it('brings up the app, the edge and the render service, each on its port', async () => {
    const logs = () => output.slice(-3000);
    const app = await waitFor('the app', ok(`http://localhost:${ports.app}/`), 90_000, logs);
    expect(app.headers.get('content-type')).toContain('text/html');
    expect(app.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    await waitFor('the edge health route', ok(`http://127.0.0.1:${ports.edge}/api/health`), 90_000, logs);
    const render = await waitFor('the render service health route', ok(`http://127.0.0.1:${ports.render}/health`), 90_000, logs);
    expect(await render.json()).toMatchObject({ ok: true, backend: 'local' });
    for (const pid of descendants(start.pid!)) seen.add(pid);

    const local = await fetch(`http://localhost:${ports.app}/director-local.json`);
    expect(local.headers.get('content-type')).toBe('application/json');
    expect(await local.json()).toEqual({ edgeUrl: `http://127.0.0.1:${ports.edge}`, accessToken: 'director-dev-token', local: true });

    const auth = { Authorization: 'Bearer director-dev-token' };
    const providers = (await (await fetch(`http://127.0.0.1:${ports.edge}/api/providers`, { headers: auth })).json()) as any;
    // Every enabled provider is a local demo (Sora, without a key, is off: it has no local demo).
    expect([providers.gemini.local, ...providers.video.filter((v: any) => v.enabled).map((v: any) => v.local), providers.renders.enabled]).toEqual([true, true, true, true]);
    // The edge reaches the render service with the shared token: an unknown render is the service's own 404.
    const unknown = await fetch(`http://127.0.0.1:${ports.edge}/api/renders/no-such-render`, { headers: auth });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).error.message).toContain('render service');
    // The app's origin may call the edge.
    const preflight = await fetch(`http://127.0.0.1:${ports.edge}/api/providers`, { method: 'OPTIONS', headers: { Origin: `http://localhost:${ports.app}`, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(`http://localhost:${ports.app}`);
    expect(output).toContain('Runway: local demo');
  });

  it('stops everything it started on SIGTERM', async () => {
    for (const pid of descendants(start.pid!)) seen.add(pid);
    expect(seen.size).toBeGreaterThanOrEqual(4); // render service, edge script, wrangler, workerd
    const exited = new Promise<number | null>((resolve) => start.once('exit', resolve));
    start.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect([...seen].filter(running)).toEqual([]);
    for (const port of [ports.app, ports.edge, ports.render, ports.local]) {
      await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    }
  });
});
