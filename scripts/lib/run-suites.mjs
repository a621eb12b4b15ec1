// Runs vitest suites for `npm test`: one at a time with the terminal, or a few at a time with each
// suite's output held back and printed as one block when it finishes (never interleaved).
import { spawn } from 'node:child_process';

const vitestArgs = (suite, reportOf) => ['vitest', 'run', '--config', suite.config, '--reporter=default', '--reporter=json', `--outputFile.json=${reportOf(suite)}`, ...(suite.args ?? [])];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Runs one suite; resolves with its exit status (1 when a signal ended it). With `inherit` the
 * suite writes straight to the terminal; otherwise its stdout and stderr are collected in the
 * order they arrive and printed under the suite's heading once it exits.
 */
export function runSuite(suite, { reportOf, env, inherit = false }) {
  const started = Date.now();
  if (inherit) console.log(`\n[director] ${suite.name} tests`);
  const child = spawn('npx', vitestArgs(suite, reportOf), { cwd: suite.cwd, env, stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('error', (e) => output.push(Buffer.from(`[director] could not start the ${suite.name} suite: ${e.message}\n`)));
    child.on('close', (code) => {
      const status = code ?? 1;
      if (!inherit) {
        console.log(`\n[director] ${suite.name} tests`);
        process.stdout.write(Buffer.concat(output));
      }
      console.log(`[director] ${suite.name} tests: exit ${status} after ${seconds(Date.now() - started)}`);
      resolve(status);
    });
  });
}

/** Runs suites `concurrency` at a time in list order (put the longest first); `onDone(suite, status)` as each finishes. */
export function runSuitesInParallel(suites, { concurrency, reportOf, env, onDone }) {
  const pending = [...suites];
  const running = new Set();
  return new Promise((resolve) => {
    const startMore = () => {
      while (running.size < concurrency) {
        const next = pending.shift();
        if (!next) break;
        running.add(next);
        console.log(`[director] ${next.name} tests started`);
        void runSuite(next, { reportOf, env }).then((status) => {
          running.delete(next);
          onDone(next, status);
          startMore();
        });
      }
      if (running.size === 0 && pending.length === 0) resolve();
    };
    startMore();
  });
}
