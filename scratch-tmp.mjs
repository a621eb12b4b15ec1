import { chromium } from 'playwright-core';
import { preview } from 'vite';
const server = await preview({ logLevel: 'warn', preview: { port: 4399, strictPort: true } });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1400, height: 860 } });
await p.goto('http://localhost:4399/');
await p.getByRole('button', { name: 'New project' }).first().click();
await p.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
await p.waitForURL(/canvas/);
await p.getByRole('link', { name: 'Code', exact: true }).click();
await p.getByRole('button', { name: /^Explainer/ }).click();
await p.getByTestId('build-status').filter({ hasText: /Built in/ }).waitFor({ timeout: 30000 });
const url = p.url();
for (let i = 0; i < 3; i++) {
  await p.goto(url);
  await p.waitForFunction(() => performance.getEntriesByName('director:first-preview-frame').length > 0, null, { timeout: 60000 });
  console.log(await p.evaluate(() => performance.getEntriesByType('mark').filter(m => m.name.startsWith('director')).map(m => m.name.replace('director:', '') + '=' + Math.round(m.startTime)).join(' ') + ' dcl=' + Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd)));
}
await b.close(); await server.close();
