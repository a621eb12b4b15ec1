// `npm run bench`: one JSON line per measure {name, value, unit, peer, peerValue}, peers measured in the same run.
import { ensureChromium, ensureDependencies, buildApp, ROOT } from './lib/setup.mjs';

ensureDependencies();
ensureChromium();
if (!process.argv.includes('--no-build')) buildApp();

const { runFoundationBench } = await import('../tests/bench/foundation.bench.mjs');
const emit = ({ name, value, unit, peer = null, peerValue = null, ...extra }) => console.log(JSON.stringify({ name, value, unit, peer, peerValue, ...extra }));
await runFoundationBench({ root: ROOT, emit });
