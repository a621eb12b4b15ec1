import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const RENDER_DIR = path.resolve('edge/render');

/**
 * The real render service (edge/render: @remotion/bundler + renderer in Debian Chromium), built
 * and started as `npm start` does, on a free port; resolves once it says where it listens.
 */
export async function startRealRenderService(token: string): Promise<{ url: string; close: () => Promise<void> }> {
  const build = spawnSync(path.join(RENDER_DIR, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: RENDER_DIR, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`render service build failed:\n${build.stdout}\n${build.stderr}`);
  const workDir = mkdtempSync(path.join(tmpdir(), 'director-render-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['dist/main.js'], {
    cwd: RENDER_DIR,
    env: { ...process.env, NODE_ENV: 'development', RENDER_PORT: '0', RENDER_BACKEND_TOKEN: token, RENDER_WORK_DIR: workDir, RENDER_GOOGLE_FONTS: 'local', RENDER_CORES: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /render service on (http:\/\/[^\s"]+)/.exec(output);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the render service exited (${code}) before listening:\n${output}`)));
  });
  return {
    url,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
