import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext()));
afterEach(() => context?.close());

/** Fills the form (without saving) and presses Test connection; returns what the status line says. */
async function testConnection(page: Page, edgeUrl: string, token: string) {
  await page.getByLabel('Edge URL').fill(edgeUrl);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Test connection' }).click();
  const status = page.getByTestId('connection-status');
  await status.and(page.locator(':not([data-part=""])')).waitFor();
  return { part: await status.getAttribute('data-part'), text: (await status.textContent())! };
}

describe('Settings → Test connection', () => {
  it('says which part failed: the URL, a missing token, a refused token; or which providers are real', async () => {
    const { page } = await openApp(context, '/settings');
    const edgeUrl = inject('edgeUrl');

    expect(await testConnection(page, 'http://127.0.0.1:9', inject('edgeToken'))).toEqual({ part: 'url', text: expect.stringContaining('The edge at http://127.0.0.1:9 cannot be reached') });
    expect(await testConnection(page, edgeUrl, '')).toEqual({ part: 'token-missing', text: expect.stringContaining('no access token is set') });
    expect(await testConnection(page, edgeUrl, 'not-the-token')).toEqual({ part: 'token-refused', text: expect.stringContaining('refused this access token') });
    const ok = await testConnection(page, edgeUrl, inject('edgeToken'));
    expect(ok).toEqual({ part: 'ok', text: `Connected to the edge at ${edgeUrl}, access token accepted. Real: Gemini, Veo, Runway, OpenAI Sora. Server renders: on.` });
    expect(await page.getByTestId('local-demo-providers').count()).toBe(0);
  });

  it('shows the local demo badge when the edge says its providers are local', { timeout: 90_000 }, async () => {
    const { startEdge } = await import('../../edge/bench/start-edge.mjs');
    const local = await startEdge({ upstreamUrl: inject('fakesUrl'), token: inject('edgeToken'), vars: { ALLOWED_ORIGINS: new URL(inject('baseUrl')).origin, LOCAL_PROVIDERS: 'gemini,veo,runway' } });
    try {
      const { page } = await openApp(context, '/settings');
      const result = await testConnection(page, local.url, inject('edgeToken'));
      expect(result.text).toContain('Local demo: Gemini, Veo, Runway.');
      await page.getByTestId('local-demo-providers').waitFor();
      // Saved, the badge is there the next time Settings opens, without a click.
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Settings saved.').waitFor();
      await page.reload();
      await page.getByTestId('local-demo-providers').waitFor();
    } finally {
      await local.close();
    }
  });
});
