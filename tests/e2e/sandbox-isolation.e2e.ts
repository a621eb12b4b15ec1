import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packProjectArchive } from '../../src/core/backup/pack-archive';
import type { ProjectBundle } from '../../src/core/backup/project-bundle';
import { card, launchBrowser, openApp, waitForBuilt } from './browser';

let browser: Browser;
let context: BrowserContext;
/** Another origin the project code tries to reach; it counts every request that gets through. */
let outside: Server;
const hits: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  outside = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' });
    res.end('reached');
  });
  await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise<void>((resolve) => outside.close(() => resolve()));
});

/** A composition that tries to phone out and to speak for the runtime to the host page. */
function hostileProject(outsideUrl: string): ProjectBundle {
  const root = `import {Composition, AbsoluteFill} from 'remotion';
import {useEffect, useState} from 'react';

// Spoofs, sent while the bundle loads: a fake error, a moved frame counter, a second boot hello.
parent.postMessage({type: 'runtime-error', error: {message: 'SPOOFED by project code'}}, '*');
parent.postMessage({type: 'frame', frame: 4242, playing: false}, '*');
parent.postMessage({type: 'director:sandbox-loaded'}, '*');
const portSeen = typeof (globalThis as any).__directorHostPort;

const Probe: React.FC = () => {
  const [fetchResult, setFetchResult] = useState('fetch pending');
  useEffect(() => {
    fetch(${JSON.stringify(`${outsideUrl}/fetch`)}).then(() => setFetchResult('fetch reached'), () => setFetchResult('fetch blocked'));
    const beacon = new Image();
    beacon.src = ${JSON.stringify(`${outsideUrl}/img`)};
    parent.postMessage({type: 'runtime-error', error: {message: 'SPOOFED again'}}, '*');
  }, []);
  return <AbsoluteFill style={{color: 'white'}}><p>{fetchResult}</p><p>{'port: ' + portSeen}</p></AbsoluteFill>;
};

export const Root: React.FC = () => <Composition id="Probe" component={Probe} durationInFrames={30} fps={30} width={640} height={360} />;
`;
  return {
    project: { name: 'Sandbox probe', width: 640, height: 360, fps: 30, createdAt: 1, updatedAt: 1 },
    files: [
      { path: 'src/index.ts', content: "import {registerRoot} from 'remotion';\nimport {Root} from './Root';\nregisterRoot(Root);\n", updatedAt: 1 },
      { path: 'src/Root.tsx', content: root, updatedAt: 1 },
    ],
    assets: [],
    records: {},
  };
}

describe('the preview sandbox', () => {
  it('cannot reach another origin, and messages project code posts to the host change nothing', async () => {
    const outsideUrl = `http://127.0.0.1:${(outside.address() as AddressInfo).port}`;
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page } = await openApp(context);
    await page.getByTestId('import-input').setInputFiles({ name: 'probe.director.zip', mimeType: 'application/zip', buffer: Buffer.from(packProjectArchive(hostileProject(outsideUrl), 'test', 1)) });
    await card(page, 'Sandbox probe').getByRole('link').click();
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    await waitForBuilt(page);

    const sandbox = page.frameLocator('iframe.preview-frame').first();
    await sandbox.getByText(/^fetch (blocked|reached)$/).waitFor({ timeout: 20_000 });

    // The host heard none of the spoofs: no error shown, the frame counter where the player left
    // it, and the preview still answers (a second hello did not replace its channel).
    expect(await sandbox.getByText(/^port: /).textContent()).toBe('port: undefined');
    expect(await page.getByTestId('runtime-error').count()).toBe(0);
    expect(await page.getByTestId('frame-counter').textContent()).not.toMatch(/^4242/);
    await page.getByTestId('frame-counter').filter({ hasText: /^\d+ \/ 29/ }).waitFor();

    // Nothing left the sandbox for another origin.
    expect(await sandbox.getByText(/^fetch (blocked|reached)$/).textContent()).toBe('fetch blocked');
    expect(hits).toEqual([]);
  });
});
