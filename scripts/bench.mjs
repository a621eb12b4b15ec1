// `npm run bench`: one JSON line per measure {name, value, unit, peer, peerValue}, peers measured in the same run.
import { ensureChromium, ensureDependencies, buildApp, ROOT } from './lib/setup.mjs';

ensureDependencies();
ensureChromium();
if (!process.argv.includes('--no-build')) buildApp();

const emit = ({ name, value, unit, peer = null, peerValue = null, ...extra }) => console.log(JSON.stringify({ name, value, unit, peer, peerValue, ...extra }));
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const benches = {
  foundation: async () => (await import('../tests/bench/foundation.bench.mjs')).runFoundationBench({ root: ROOT, emit }),
  engine: async () => (await import('../tests/bench/engine.bench.mjs')).runEngineBench({ root: ROOT, emit }),
  faces: async () => (await import('../tests/vision/faces.bench.mjs')).runFacesBench({ root: ROOT, emit }),
};
for (const [name, run] of Object.entries(benches)) if (!only || only === name) await run();
