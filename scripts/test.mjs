// `npm test`: set up, build, then run every suite; ends with "N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildApp, ensureChromium, ensureDependencies, ensureFfmpeg, ROOT } from './lib/setup.mjs';
import { spawnSync } from 'node:child_process';

ensureDependencies();
ensureChromium();
ensureFfmpeg();
buildApp();

const reports = path.join(ROOT, 'test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/** Each suite is a vitest config; its JSON report is read back for the totals. */
const suites = [
  { name: 'unit', cwd: ROOT, config: 'vitest.config.ts' },
  { name: 'edge', cwd: path.join(ROOT, 'edge'), config: 'vitest.config.ts' },
  { name: 'render service', cwd: path.join(ROOT, 'edge', 'render'), config: 'vitest.config.ts' },
  { name: 'vision', cwd: ROOT, config: 'tests/vision/vitest.config.ts' },
  { name: 'media', cwd: ROOT, config: 'tests/media/vitest.config.ts' },
  { name: 'local services', cwd: ROOT, config: 'tests/local/vitest.config.ts' },
  { name: 'typecheck', cwd: ROOT, config: 'tests/typecheck/vitest.config.ts' },
  { name: 'e2e', cwd: ROOT, config: 'vitest.e2e.config.ts' },
];

let passed = 0;
let failed = 0;
let skipped = 0;
let crashed = false;
for (const suite of suites) {
  console.log(`\n[director] ${suite.name} tests`);
  const out = path.join(reports, `${suite.name.replace(/\W+/g, '-')}.json`);
  const result = spawnSync('npx', ['vitest', 'run', '--config', suite.config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
    cwd: suite.cwd,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR },
  });
  if (!existsSync(out)) {
    console.error(`[director] the ${suite.name} suite produced no report (exit ${result.status})`);
    crashed = true;
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  // Failed files (import errors, crashed hooks) count even when no test inside them ran.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed')).length;
  failed += brokenFiles;
  if (result.status !== 0 && report.numFailedTests === 0 && brokenFiles === 0) crashed = true;
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || crashed ? 1 : 0);
