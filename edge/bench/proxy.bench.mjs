// Edge proxy overhead, loopback only, a few hundred requests. Prints JSON lines:
//   {"name","value","unit","peer","peerValue"}
// - added latency of generateContent through the edge vs straight to the fake upstream (p50, p99),
//   once against an instant fake (pure overhead) and once against a fake that "thinks" for
//   MODEL_THINK_MS, the regime of real model calls (the p50 ratio target of 1.10 applies there)
// - time to first SSE chunk through the edge vs direct
import { startFakeUpstreams, FAKE_DEFAULTS } from '../test/fakes/fake-upstreams.mjs';
import { startEdge } from './start-edge.mjs';

const UNARY_RUNS = 200;
const THINK_RUNS = 40;
const MODEL_THINK_MS = 100;
const STREAM_RUNS = 40;
const WARMUP = 20;
const TOKEN = 'bench-access-token-0c4f1e';
const MODEL_PATH = '/v1beta/models/gemini-2.5-flash';
const prompt = (text) => JSON.stringify({ contents: [{ role: 'user', parts: [{ text }] }] });
const BODY = prompt('Describe shot 3 in one line.');
const THINK_BODY = prompt(`[fake:delay:${MODEL_THINK_MS}] Describe shot 3 in one line.`);

const fakes = await startFakeUpstreams({ port: 0 });
const edge = await startEdge({ upstreamUrl: fakes.url, token: TOKEN });

const direct = {
  url: (method) => `${fakes.url}${MODEL_PATH}:${method}`,
  headers: { 'Content-Type': 'application/json', 'x-goog-api-key': FAKE_DEFAULTS.geminiKeys[0] },
};
const viaEdge = {
  url: (method) => `${edge.url}/api/gemini${MODEL_PATH}:${method}`,
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
};

async function unary(target, body = BODY) {
  const started = performance.now();
  const res = await fetch(target.url('generateContent'), { method: 'POST', headers: target.headers, body });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`generateContent answered ${res.status}`);
  return performance.now() - started;
}

async function firstChunk(target) {
  const started = performance.now();
  const res = await fetch(`${target.url('streamGenerateContent')}?alt=sse`, { method: 'POST', headers: target.headers, body: BODY });
  const reader = res.body.getReader();
  const { value } = await reader.read();
  const elapsed = performance.now() - started;
  if (!value || !new TextDecoder().decode(value).startsWith('data: ')) throw new Error('stream did not start with an SSE event');
  while (!(await reader.read()).done);
  return elapsed;
}

function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (ms) => Math.round(ms * 1000) / 1000;
const line = (name, value, unit, peer, peerValue) => console.log(JSON.stringify({ name, value: round(value), unit, peer, peerValue: round(peerValue) }));

try {
  for (let i = 0; i < WARMUP; i++) await Promise.all([unary(direct), unary(viaEdge)]);

  // Interleaved, one request at a time, so both paths see the same machine state.
  const d = [];
  const e = [];
  for (let i = 0; i < UNARY_RUNS; i++) {
    d.push(await unary(direct));
    e.push(await unary(viaEdge));
  }
  line('edge.generateContent.latency.p50', percentile(e, 50), 'ms', 'direct.generateContent.latency.p50', percentile(d, 50));
  line('edge.generateContent.latency.p99', percentile(e, 99), 'ms', 'direct.generateContent.latency.p99', percentile(d, 99));
  line('edge.generateContent.added.p50', percentile(e, 50) - percentile(d, 50), 'ms', 'direct.generateContent.added.p50', 0);
  line('edge.generateContent.p50.ratio', percentile(e, 50) / percentile(d, 50), 'x', 'target.p50.ratio', 1.1);

  const dt = [];
  const et = [];
  for (let i = 0; i < THINK_RUNS; i++) {
    dt.push(await unary(direct, THINK_BODY));
    et.push(await unary(viaEdge, THINK_BODY));
  }
  line(`edge.generateContent.think${MODEL_THINK_MS}ms.latency.p50`, percentile(et, 50), 'ms', `direct.generateContent.think${MODEL_THINK_MS}ms.latency.p50`, percentile(dt, 50));
  line(`edge.generateContent.think${MODEL_THINK_MS}ms.latency.p99`, percentile(et, 99), 'ms', `direct.generateContent.think${MODEL_THINK_MS}ms.latency.p99`, percentile(dt, 99));
  line(`edge.generateContent.think${MODEL_THINK_MS}ms.p50.ratio`, percentile(et, 50) / percentile(dt, 50), 'x', 'target.p50.ratio', 1.1);

  const ds = [];
  const es = [];
  for (let i = 0; i < STREAM_RUNS; i++) {
    ds.push(await firstChunk(direct));
    es.push(await firstChunk(viaEdge));
  }
  line('edge.sse.first_chunk.p50', percentile(es, 50), 'ms', 'direct.sse.first_chunk.p50', percentile(ds, 50));
  line('edge.sse.first_chunk.p99', percentile(es, 99), 'ms', 'direct.sse.first_chunk.p99', percentile(ds, 99));
} finally {
  await edge.close();
  await fakes.close();
}
