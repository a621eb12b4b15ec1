// `npm test`: set up, build, then run every suite; ends with "N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildApp, ensureChromium, ensureDependencies, ensureFfmpeg, ensureXmllint, ROOT } from './lib/setup.mjs';
import { runSuite, runSuitesInParallel } from './lib/run-suites.mjs';

ensureDependencies();
ensureChromium();
ensureFfmpeg();
ensureXmllint();
buildApp();

const reports = path.join(ROOT, 'test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/**
 * Each suite is a vitest config; its JSON report is read back for the totals. The independent
 * suites run two at a time (two cores), longest first as measured here so the short ones fill in
 * behind (each Vite dev server has its own optimizer cache for this). e2e runs alone afterwards: it
 * is timing-sensitive (running it beside the other suites saved ~3 minutes but made whole-turn
 * tests time out under load).
 */
const independent = [
  { name: 'media', cwd: ROOT, config: 'tests/media/vitest.config.ts' },
  { name: 'unit', cwd: ROOT, config: 'vitest.config.ts' },
  { name: 'typecheck', cwd: ROOT, config: 'tests/typecheck/vitest.config.ts' },
  { name: 'render service', cwd: path.join(ROOT, 'edge', 'render'), config: 'vitest.config.ts' },
  { name: 'edge', cwd: path.join(ROOT, 'edge'), config: 'vitest.config.ts' },
  { name: 'vision', cwd: ROOT, config: 'tests/vision/vitest.config.ts' },
  { name: 'voice', cwd: ROOT, config: 'tests/voice/vitest.config.ts' },
  { name: 'local services', cwd: ROOT, config: 'tests/local/vitest.config.ts' },
];
const e2e = { name: 'e2e', cwd: ROOT, config: 'vitest.e2e.config.ts' };

const reportOf = (suite) => path.join(reports, `${suite.name.replace(/\W+/g, '-')}.json`);
const env = { ...process.env, FORCE_COLOR: process.env.CI ? '0' : (process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : undefined)) };

let passed = 0;
let failed = 0;
let skipped = 0;
let crashed = false;
/** Adds one finished suite's report to the totals. */
function count(suite, status) {
  const out = reportOf(suite);
  if (!existsSync(out)) {
    console.error(`[director] the ${suite.name} suite produced no report (exit ${status})`);
    crashed = true;
    failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  // Failed files (import errors, crashed hooks) count even when no test inside them ran.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed')).length;
  failed += brokenFiles;
  if (status !== 0 && report.numFailedTests === 0 && brokenFiles === 0) crashed = true;
}

const started = Date.now();
await runSuitesInParallel(independent, { concurrency: 2, reportOf, env, onDone: count });
console.log(`\n[director] suites before e2e took ${((Date.now() - started) / 1000).toFixed(1)} s`);
count(e2e, await runSuite(e2e, { reportOf, env, inherit: true }));

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || crashed ? 1 : 0);
