// Agent benchmarks: overhead per tool step (model time excluded), the scripted transcripts'
// turns-to-clean and steps per turn, the turn context's size, and edit-to-end-of-checks time. The measuring code lives in the agent's tests; this runs them
// and turns their "[bench]" lines into JSON.
import { spawnSync } from 'node:child_process';

export async function runAgentBench({ root, emit }) {
  const run = spawnSync('npx', ['vitest', 'run', 'tests/core/agent/overhead.test.ts', 'tests/core/agent/transcripts.test.ts', 'tests/core/agent/visual-checks.test.ts', 'tests/core/agent/turn-context.test.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  const out = `${run.stdout}\n${run.stderr}`;
  const overhead = /agent overhead per tool step \(median, excluding model time\): ([\d.]+) ms; including prompt building per call: ([\d.]+) ms\/step/.exec(out);
  if (overhead) emit({ name: 'agent overhead per tool step (median, model time excluded)', value: Number(overhead[1]), unit: 'ms', withPromptBuilding: Number(overhead[2]), target: '< 50' });
  const transcripts = /transcripts: (\d+) turns; clean turns needed ([\d/]+) correction rounds; steps per turn \(model\+tool\+check\) median (\d+)/.exec(out);
  if (transcripts) {
    const rounds = transcripts[2].split('/').map(Number);
    emit({ name: 'scripted transcripts: correction rounds until a clean build (max)', value: Math.max(...rounds), unit: 'rounds', turns: Number(transcripts[1]), perTurn: rounds });
    emit({ name: 'scripted transcripts: steps per turn (median)', value: Number(transcripts[3]), unit: 'steps' });
  }
  const checks = /edit to end of automatic checks \(([^)]*)\), median over 4 templates: (\d+) ms \(([\d/]+)\)/.exec(out);
  if (checks) emit({ name: 'edit to end of automatic checks (bundle + types + stills + visual findings), median over 4 templates', value: Number(checks[2]), unit: 'ms', perTemplate: checks[3].split('/').map(Number), note: checks[1] });
  const context = /turn context: (\d+) tool steps, last request (\d+) KB instead of (\d+) KB/.exec(out);
  if (context) emit({ name: 'turn context: last request size after older results are summarised', value: Number(context[2]), unit: 'KB', unsummarised: Number(context[3]), toolSteps: Number(context[1]) });
  if (!overhead || !transcripts || run.status !== 0) console.error(`[bench] agent bench incomplete (exit ${run.status})`);
}
