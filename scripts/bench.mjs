// `npm run bench`: one JSON line per measure {name, value, unit, peer, peerValue}, peers measured in the same run.
import { ensureChromium, ensureDependencies, buildApp, ROOT } from './lib/setup.mjs';

ensureDependencies();
ensureChromium();
if (!process.argv.includes('--no-build')) buildApp();

const emit = ({ name, value, unit, peer = null, peerValue = null, ...extra }) => console.log(JSON.stringify({ name, value, unit, peer, peerValue, ...extra }));
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
/** The render service's bench (webpack bundling, @remotion/renderer): its lines, and peers for the engine's. */
const peers = {};
async function renderServiceBench() {
  const { spawnSync } = await import('node:child_process');
  const run = spawnSync('npm', ['run', '--silent', 'bench'], { cwd: `${ROOT}/edge/render`, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  for (const line of run.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const row = JSON.parse(line);
    peers[row.name] = row;
    emit(row);
  }
  if (run.status !== 0) console.error(`[bench] render service bench exited ${run.status}: ${run.stderr.slice(-2000)}`);
}

const benches = {
  render: renderServiceBench,
  foundation: async () => (await import('../tests/bench/foundation.bench.mjs')).runFoundationBench({ root: ROOT, emit }),
  engine: async () => (await import('../tests/bench/engine.bench.mjs')).runEngineBench({ root: ROOT, emit, peers }),
  agent: async () => (await import('../tests/bench/agent.bench.mjs')).runAgentBench({ root: ROOT, emit }),
  canvas: async () => (await import('../tests/bench/canvas.bench.mjs')).runCanvasBench({ root: ROOT, emit }),
  storyboard: async () => (await import('../tests/bench/storyboard.bench.mjs')).runStoryboardBench({ root: ROOT, emit }),
  media: async () => (await import('../tests/media/media.bench.mjs')).runMediaBench({ root: ROOT, emit }),
  faces: async () => (await import('../tests/vision/faces.bench.mjs')).runFacesBench({ root: ROOT, emit }),
  'remotion-import': async () => (await import('../tests/bench/remotion-import.bench.mjs')).runRemotionImportBench({ root: ROOT, emit }),
  timeline: async () => (await import('../tests/bench/timeline.bench.mjs')).runTimelineBench({ root: ROOT, emit }),
  autopilot: async () => (await import('../tests/bench/autopilot.bench.mjs')).runAutopilotBench({ root: ROOT, emit }),
  voice: async () => (await import('../tests/bench/voice.bench.mjs')).runVoiceBench({ root: ROOT, emit }),
};
for (const [name, run] of Object.entries(benches)) if (!only || only === name) await run();
