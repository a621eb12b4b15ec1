import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { CompositionInfo } from '../core/preview/sandbox-protocol';
import type { ProjectDir } from './read-project-dir';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/**
 * The app's in-browser engine in headless Debian Chromium: the built app served on loopback,
 * its engine harness page loaded, the project's bundle evaluated in the same sandbox the app uses.
 */
export async function openEngine(root: string, bundleCode: string, project: ProjectDir) {
  const harness = await openHarness(root);
  try {
    const assets = [...project.assets].map(([name, bytes]) => ({ name, bytes: [...bytes], type: mimeOf(name) }));
    const compositions = await harness.page.evaluate(
      async ({ code, assets }) => {
        const engine = (window as unknown as { directorEngine: { ready: Promise<void>; load: (c: string, a: unknown[]) => Promise<CompositionInfo[]> } }).directorEngine;
        await engine.ready;
        return engine.load(code, assets.map((a) => ({ ...a, bytes: new Uint8Array(a.bytes) })));
      },
      { code: bundleCode, assets },
    );
    return { ...harness, compositions };
  } catch (e) {
    await harness.close();
    throw e;
  }
}

/**
 * The built app's engine harness page in headless Chromium (built first when missing). With
 * `offline`, every request that is not to the app's own loopback server is refused, so a run
 * that works this way needs no network at all.
 */
export async function openHarness(root: string, opts: { offline?: boolean } = {}) {
  if (!existsSync(path.join(root, 'dist', 'harness.html'))) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('Building the app failed; run `npm start` once to set it up.');
  }
  const { preview } = await import('vite');
  const server = await preview({ root, logLevel: 'silent', preview: { port: 0, host: '127.0.0.1' } });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const page: Page = await browser.newPage();
    const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
    if (opts.offline) {
      const own = new URL(url).origin;
      await page.route('**/*', (route) => {
        const target = route.request().url();
        return target.startsWith(own) || target.startsWith('data:') || target.startsWith('blob:') ? route.continue() : route.abort('internetdisconnected');
      });
    }
    await page.goto(new URL('harness.html', url).href);
    await page.waitForFunction(() => 'directorEngine' in window);
    return {
      page,
      async close() {
        await browser?.close();
        await server.close();
      },
    };
  } catch (e) {
    await browser?.close();
    await server.close();
    throw e;
  }
}

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml', mp3: 'audio/mpeg', wav: 'audio/wav', ogg: 'audio/ogg', m4a: 'audio/mp4', mp4: 'video/mp4', webm: 'video/webm', mov: 'video/quicktime', woff2: 'font/woff2', woff: 'font/woff', ttf: 'font/ttf', otf: 'font/otf' };
function mimeOf(name: string): string {
  return TYPES[name.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';
}

export function findComposition(compositions: CompositionInfo[], id: string): CompositionInfo {
  const found = compositions.find((c) => c.id === id);
  if (!found) throw new Error(`No composition "${id}". The project has: ${compositions.map((c) => c.id).join(', ')}.`);
  return found;
}
