import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { packProjectArchive } from '../../src/core/backup/pack-archive';
import { encryptForShare, shareLink } from '../../src/core/share/share-crypto';
import { sampleBundle } from '../fixtures/bundles';
import { launchBrowser } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
afterEach(() => context?.close());

/** Every way an SVG can run script or reach out; each leaves a mark in localStorage if it runs. */
const HOSTILE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40" onload="localStorage.setItem('pwned-onload', '1')">
  <script>localStorage.setItem('pwned-script', '1')</script>
  <script xlink:href="data:text/javascript,localStorage.setItem('pwned-href','1')"/>
  <foreignObject width="40" height="40"><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="localStorage.setItem('pwned-foreign','1')"/></body></foreignObject>
  <a href="javascript:localStorage.setItem('pwned-link','1')"><rect width="40" height="40" fill="#0a0"/></a>
  <image href="https://evil.example/beacon.png" width="1" height="1"/>
</svg>`;

/** Puts a share on the test edge exactly as the app would: packed, encrypted here, ciphertext uploaded. */
async function uploadShare(): Promise<string> {
  const bundle = { ...sampleBundle(), assets: [{ id: 'asset-0009-badge', name: 'badge.svg', type: 'image/svg+xml', createdAt: 1, bytes: new TextEncoder().encode(HOSTILE_SVG) }], records: {} };
  const { ciphertext, key } = await encryptForShare(packProjectArchive(bundle, 'hostile sender', 1));
  const response = await fetch(`${inject('edgeUrl')}/api/shares`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${inject('edgeToken')}`, 'Content-Type': 'application/octet-stream' },
    body: ciphertext as Uint8Array<ArrayBuffer>,
  });
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };
  return shareLink(inject('baseUrl'), id, key, inject('edgeUrl'));
}

const storedSvg = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('director');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('assets').objectStore('assets').getAll();
          req.onsuccess = () => {
            const asset = (req.result as { name: string; blob: Blob }[]).find((a) => a.name === 'badge.svg');
            if (!asset) return reject(new Error('badge.svg was not imported'));
            resolve(asset.blob.text());
          };
        };
      }),
  );

const marks = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pwned')));

describe('a share link carrying a hostile SVG', () => {
  it('asks first, stores only the cleaned drawing, and no script of it runs even opened as a document in our origin', async () => {
    const link = await uploadShare();
    context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Open a copy of this shared project?' }).waitFor();
    await page.getByRole('button', { name: 'Open a copy' }).click();
    await page.waitForURL(/\/projects\/[^/]+\/code$/, { timeout: 45_000 });

    const svg = await storedSvg(page);
    expect(svg).toMatch(/^<svg[\s>]/);
    expect(svg).toContain('<rect');
    for (const hostile of ['<script', 'onload', 'onerror', 'foreignObject', 'javascript:', 'data:text', 'evil.example']) expect(svg).not.toContain(hostile);

    // What the prober did: open the asset's blob: URL as a page of our origin.
    const popup = page.waitForEvent('popup');
    await page.evaluate(async () => {
      const open = indexedDB.open('director');
      const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      const all = await new Promise<{ name: string; blob: Blob }[]>((resolve) => {
        const req = db.transaction('assets').objectStore('assets').getAll();
        req.onsuccess = () => resolve(req.result);
      });
      window.open(URL.createObjectURL(all.find((a) => a.name === 'badge.svg')!.blob));
    });
    const opened = await popup;
    await opened.waitForLoadState('load');
    expect(await opened.evaluate(() => document.documentElement.localName)).toBe('svg');
    expect(await marks(page)).toEqual([]);
  });
});
