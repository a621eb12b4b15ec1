// Agent benchmarks: overhead per tool step (model time excluded) and the scripted transcripts'
// turns-to-clean and steps per turn. The measuring code lives in the agent's tests; this runs them
// and turns their "[bench]" lines into JSON.
import { spawnSync } from 'node:child_process';

export async function runAgentBench({ root, emit }) {
  const run = spawnSync('npx', ['vitest', 'run', 'tests/core/agent/overhead.test.ts', 'tests/core/agent/transcripts.test.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  const out = `${run.stdout}\n${run.stderr}`;
  const overhead = /agent overhead per tool step \(median, excluding model time\): ([\d.]+) ms; including prompt building per call: ([\d.]+) ms\/step/.exec(out);
  if (overhead) emit({ name: 'agent overhead per tool step (median, model time excluded)', value: Number(overhead[1]), unit: 'ms', withPromptBuilding: Number(overhead[2]), target: '< 50' });
  const transcripts = /transcripts: (\d+) turns; clean turns needed ([\d/]+) correction rounds; steps per turn \(model\+tool\+check\) median (\d+)/.exec(out);
  if (transcripts) {
    const rounds = transcripts[2].split('/').map(Number);
    emit({ name: 'scripted transcripts: correction rounds until a clean build (max)', value: Math.max(...rounds), unit: 'rounds', turns: Number(transcripts[1]), perTurn: rounds });
    emit({ name: 'scripted transcripts: steps per turn (median)', value: Number(transcripts[3]), unit: 'steps' });
  }
  if (!overhead || !transcripts || run.status !== 0) console.error(`[bench] agent bench incomplete (exit ${run.status})`);
}
