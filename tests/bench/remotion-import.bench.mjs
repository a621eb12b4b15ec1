// Opening an existing Remotion project: a 10-composition project zipped as a person zips a folder,
// imported on Home, until its preview paints the first frame; then reopening it (cold page load).
import { strToU8, zipSync } from 'fflate';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const round = (v, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

/** A Remotion project as `npx create-video` lays it out, with ten compositions of a few layers each. */
function tenCompositionProject() {
  const scenes = Array.from({ length: 10 }, (_, i) => `Scene${i + 1}`);
  const files = {
    'package.json': JSON.stringify({ name: 'ten-scenes', dependencies: { remotion: '4.0.527', '@remotion/cli': '4.0.527', react: '19.3.1', 'react-dom': '19.3.1' } }),
    'remotion.config.ts': 'import { Config } from "@remotion/cli/config";\nConfig.setVideoImageFormat("jpeg");\n',
    'src/index.ts': 'import { registerRoot } from "remotion";\nimport { RemotionRoot } from "./Root";\nregisterRoot(RemotionRoot);\n',
    'src/Root.tsx': `import { Composition } from "remotion";\n${scenes.map((s) => `import { ${s} } from "./scenes/${s}";`).join('\n')}\nexport const RemotionRoot: React.FC = () => (\n  <>\n${scenes.map((s) => `    <Composition id="${s}" component={${s}} durationInFrames={150} fps={30} width={1280} height={720} />`).join('\n')}\n  </>\n);\n`,
  };
  scenes.forEach((s, i) => {
    files[`src/scenes/${s}.tsx`] = `import { AbsoluteFill, Img, interpolate, staticFile, useCurrentFrame } from "remotion";\nexport const ${s}: React.FC = () => {\n  const frame = useCurrentFrame();\n  return (\n    <AbsoluteFill style={{ backgroundColor: "hsl(${i * 36}, 60%, 30%)", alignItems: "center", justifyContent: "center" }}>\n      <Img src={staticFile("logo.svg")} style={{ width: 160, opacity: interpolate(frame, [0, 30], [0, 1], { extrapolateRight: "clamp" }) }} />\n      <h1 style={{ color: "white", fontSize: 80, fontFamily: "sans-serif" }}>${s}</h1>\n    </AbsoluteFill>\n  );\n};\n`;
  });
  const entries = Object.fromEntries(Object.entries(files).map(([p, c]) => [`ten-scenes/${p}`, strToU8(c)]));
  entries['ten-scenes/public/logo.svg'] = strToU8('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="40" fill="#ffd54f"/></svg>');
  return zipSync(entries);
}

export async function runRemotionImportBench({ root, emit }) {
  const port = Number(process.env.BENCH_PORT ?? 4323);
  const base = `http://localhost:${port}`;
  const server = await preview({ root, logLevel: 'silent', preview: { port, strictPort: true } });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(base + '/');
    const zip = Buffer.from(tenCompositionProject());
    const opens = [];
    let projectId = null;
    for (let i = 0; i < 3; i++) {
      await page.goto(base + '/');
      const start = await page.evaluate(() => performance.now());
      await page.getByTestId('import-input').setInputFiles({ name: 'ten-scenes.zip', mimeType: 'application/zip', buffer: zip });
      await page.getByRole('dialog').getByRole('button', { name: 'Open project' }).click();
      await page.waitForURL(/\/projects\/[^/]+/);
      projectId = page.url().match(/projects\/([^/]+)/)[1];
      await page.getByRole('link', { name: 'Code', exact: true }).click();
      await page.waitForFunction(() => performance.getEntriesByName('director:first-preview-frame').length > 0, null, { timeout: 60_000 });
      opens.push((await page.evaluate(() => performance.getEntriesByName('director:first-preview-frame')[0].startTime)) - start);
    }
    const reopen = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${base}/projects/${projectId}/code`);
      await page.waitForFunction(() => performance.getEntriesByName('director:first-preview-frame').length > 0, null, { timeout: 60_000 });
      reopen.push(await page.evaluate(() => performance.getEntriesByName('director:first-preview-frame')[0].startTime));
    }
    emit({
      name: 'imported 10-composition Remotion project: zip chosen on Home to first preview frame (median of 3)',
      value: round(median(opens)),
      unit: 'ms',
      peer: 'reopening the imported project, page load to first preview frame (median of 3)',
      peerValue: round(median(reopen)),
    });
  } finally {
    await browser.close();
    await server.close();
  }
}
