// A fake ComfyUI server for tests, speaking its real HTTP and websocket API (server.py routes):
// POST /prompt, GET/POST /queue, GET /history[/{id}], GET /view, POST /upload/image, POST /interrupt,
// GET /system_stats, GET /object_info[/{class}], and /ws?clientId= with status, execution_start,
// execution_cached, executing, progress, executed, execution_success, execution_error and
// execution_interrupted. Prompts run one at a time, in order, like ComfyUI's single worker.
// Scenario markers in any text input: "[fake:oom]" fails the sampler with torch's out-of-memory error.
// It is a test fake only: people add their real ComfyUI servers in Settings → Compute.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { acceptUpgrade } from './mini-websocket.mjs';

const MODEL_INPUTS = ['ckpt_name', 'unet_name', 'clip_name', 'vae_name', 'lora_name'];
const LOADERS = { CheckpointLoaderSimple: 'ckpt_name', UNETLoader: 'unet_name', CLIPLoader: 'clip_name', VAELoader: 'vae_name', CLIPVisionLoader: 'clip_name', LoraLoader: 'lora_name' };
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'POST, GET, DELETE, PUT, OPTIONS', 'Access-Control-Allow-Headers': 'Content-Type, Authorization' };

/** A few bytes that start like an MP4 (ftyp box), labelled so a test can tell servers apart. */
const fakeMp4 = (label) => Buffer.concat([Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0, 0x69, 0x73, 0x6f, 0x6d, 0x6d, 0x70, 0x34, 0x31]), Buffer.from(`comfy video ${label}`.padEnd(64, '.'))]);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/**
 * Starts one fake server on a free port.
 * options: name, models (files its loaders list), gpu, vramGb, steps (sampler steps reported),
 * stepMs (time per step), authorization (required Authorization header), cors (default true).
 * Returns { url, counts, hold(), release(), kill(), close(), prompts }.
 */
export async function startFakeComfy(options = {}) {
  const name = options.name ?? 'comfy';
  const models = new Set(options.models ?? []);
  const cors = options.cors !== false ? CORS : {};
  const counts = { prompts: 0, views: 0, uploads: 0, interrupts: 0, deletes: 0, viewsByFile: {} };
  const history = new Map();
  const pending = [];
  const sockets = new Map(); // clientId → peers
  const files = new Map(); // "subfolder/filename" → bytes
  const uploads = new Map();
  const connections = new Set();
  let running;
  let outputNumber = 0;
  let held = false;
  let releaseHold = () => {};
  let dead = false;

  const send = (res, status, body, headers = {}) => {
    const data = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    res.writeHead(status, { 'Content-Type': Buffer.isBuffer(body) ? 'application/octet-stream' : 'application/json', 'Content-Length': data.length, ...cors, ...headers });
    res.end(data);
  };
  const readBody = (req) => new Promise((resolve) => { const chunks = []; req.on('data', (c) => chunks.push(c)); req.on('end', () => resolve(Buffer.concat(chunks))); });
  const emit = (clientId, type, data) => { for (const peer of sockets.get(clientId) ?? []) peer.sendJson({ type, data }); };
  const broadcastStatus = () => { for (const peers of sockets.values()) for (const p of peers) p.sendJson({ type: 'status', data: { status: { exec_info: { queue_remaining: pending.length + (running ? 1 : 0) } } } }); };
  const queueEntry = (job) => [job.number, job.id, job.prompt, { client_id: job.clientId }, job.outputs];

  function validate(prompt) {
    if (!prompt || typeof prompt !== 'object' || !Object.keys(prompt).length) return { error: { type: 'prompt_no_outputs', message: 'Prompt has no outputs', details: '', extra_info: {} }, node_errors: {} };
    const nodeErrors = {};
    for (const [id, node] of Object.entries(prompt)) {
      if (!node?.class_type) return { error: { type: 'invalid_prompt', message: `Cannot execute because a node is missing the class_type property.: Node ID '#${id}'`, details: '', extra_info: {} }, node_errors: {} };
      for (const input of MODEL_INPUTS) {
        const value = node.inputs?.[input];
        if (typeof value === 'string' && !models.has(value)) {
          nodeErrors[id] = {
            errors: [{ type: 'value_not_in_list', message: 'Value not in list', details: `${input}: '${value}' not in ${JSON.stringify([...models])}`, extra_info: { input_name: input, input_config: [[...models]], received_value: value } }],
            dependent_outputs: [],
            class_type: node.class_type,
          };
        }
      }
    }
    if (Object.keys(nodeErrors).length) return { error: { type: 'prompt_outputs_failed_validation', message: 'Prompt outputs failed validation', details: '', extra_info: {} }, node_errors: nodeErrors };
    return undefined;
  }

  const tick = (job) =>
    new Promise((resolve) => {
      if (job.interrupted || dead) return resolve();
      if (held) releaseHold = resolve;
      else setTimeout(resolve, options.stepMs ?? 5);
    });

  async function execute(job) {
    running = job;
    const messages = [];
    const say = (type, data) => { const d = { ...data, prompt_id: job.id, timestamp: Date.now() }; messages.push([type, d]); emit(job.clientId, type, d); };
    broadcastStatus();
    say('execution_start', {});
    say('execution_cached', { nodes: [] });
    const outputs = {};
    const scenario = JSON.stringify(job.prompt).match(/\[fake:([a-z]+)\]/)?.[1];
    for (const [id, node] of Object.entries(job.prompt).sort(([a], [b]) => Number(a) - Number(b))) {
      if (job.interrupted || dead) break;
      emit(job.clientId, 'executing', { node: id, display_node: id, prompt_id: job.id });
      if ('steps' in node.inputs) {
        const steps = options.steps ?? 4;
        for (let value = 1; value <= steps && !job.interrupted && !dead; value++) {
          await tick(job);
          if (job.interrupted || dead) break;
          if (scenario === 'oom' && value === 2) {
            say('execution_error', { node_id: id, node_type: node.class_type, executed: [], exception_message: 'Allocation on device \nThis error means you ran out of memory on your GPU.', exception_type: 'torch.OutOfMemoryError', traceback: ['  File "execution.py", line 496, in execute\n'], current_inputs: {}, current_outputs: {} });
            history.set(job.id, { prompt: queueEntry(job), outputs: {}, status: { status_str: 'error', completed: false, messages }, meta: {} });
            return;
          }
          emit(job.clientId, 'progress', { value, max: steps, prompt_id: job.id, node: id });
        }
      }
      if (job.interrupted || dead) break;
      const saved = saveOutput(node);
      if (saved) {
        outputs[id] = saved;
        emit(job.clientId, 'executed', { node: id, display_node: id, output: saved, prompt_id: job.id });
      }
    }
    if (dead) return;
    if (job.interrupted) {
      say('execution_interrupted', { node_id: '', node_type: '', executed: [] });
      history.set(job.id, { prompt: queueEntry(job), outputs: {}, status: { status_str: 'error', completed: false, messages }, meta: {} });
      return;
    }
    say('execution_success', {});
    emit(job.clientId, 'executing', { node: null, prompt_id: job.id });
    history.set(job.id, { prompt: queueEntry(job), outputs, status: { status_str: 'success', completed: true, messages }, meta: {} });
  }

  function saveOutput(node) {
    if (!['SaveVideo', 'SaveWEBM', 'SaveImage'].includes(node.class_type)) return undefined;
    const n = String(++outputNumber).padStart(5, '0');
    const prefix = String(node.inputs.filename_prefix ?? 'ComfyUI');
    const [subfolder, base] = prefix.includes('/') ? [prefix.slice(0, prefix.lastIndexOf('/')), prefix.slice(prefix.lastIndexOf('/') + 1)] : ['', prefix];
    if (node.class_type === 'SaveVideo' || node.class_type === 'SaveWEBM') {
      const filename = `${base}_${n}_.${node.class_type === 'SaveWEBM' ? 'webm' : 'mp4'}`;
      files.set(`${subfolder}/${filename}`, fakeMp4(`${name} ${filename}`));
      return { images: [{ filename, subfolder, type: 'output' }], animated: [true] };
    }
    if (node.class_type === 'SaveImage') {
      const filename = `${base}_${n}_.png`;
      files.set(`${subfolder}/${filename}`, PNG);
      return { images: [{ filename, subfolder, type: 'output' }] };
    }
    return undefined;
  }

  async function work() {
    while (!running && pending.length && !dead) {
      const job = pending.shift();
      await execute(job);
      running = undefined;
      broadcastStatus();
    }
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.method === 'OPTIONS') return send(res, 200, {});
    if (options.authorization && req.headers.authorization !== options.authorization) return send(res, 401, { error: 'unauthorized' });
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /system_stats')
      return send(res, 200, {
        system: { os: 'posix', ram_total: 64e9, ram_free: 40e9, comfyui_version: '0.3.60', python_version: '3.12.3', pytorch_version: '2.8.0+cu128', embedded_python: false, argv: ['main.py', '--enable-cors-header'] },
        devices: [{ name: `cuda:0 ${options.gpu ?? 'NVIDIA GeForce RTX 4090'} : cudaMallocAsync`, type: 'cuda', index: 0, vram_total: (options.vramGb ?? 24) * 2 ** 30, vram_free: (options.vramGb ?? 24) * 0.8 * 2 ** 30, torch_vram_total: 0, torch_vram_free: 0 }],
      });
    if (req.method === 'GET' && url.pathname.startsWith('/object_info')) {
      const all = Object.fromEntries(Object.entries(LOADERS).map(([cls, input]) => [cls, { input: { required: { [input]: [[...models]] } }, output: ['MODEL'], name: cls, category: 'loaders' }]));
      const one = decodeURIComponent(url.pathname.slice('/object_info/'.length));
      return send(res, 200, one ? (all[one] ? { [one]: all[one] } : {}) : all);
    }
    if (route === 'GET /queue') return send(res, 200, { queue_running: running ? [queueEntry(running)] : [], queue_pending: pending.map(queueEntry) });
    if (route === 'POST /queue') {
      const body = JSON.parse((await readBody(req)).toString() || '{}');
      if (body.clear) pending.splice(0);
      for (const id of body.delete ?? []) {
        const at = pending.findIndex((j) => j.id === id);
        if (at >= 0) { pending.splice(at, 1); counts.deletes++; }
      }
      return send(res, 200, {});
    }
    if (route === 'POST /prompt') {
      const body = JSON.parse((await readBody(req)).toString() || '{}');
      const invalid = validate(body.prompt);
      if (invalid) return send(res, 400, invalid);
      counts.prompts++;
      const job = { id: typeof body.prompt_id === 'string' ? body.prompt_id : randomUUID(), number: counts.prompts, prompt: body.prompt, clientId: body.client_id, outputs: Object.keys(body.prompt), interrupted: false };
      pending.push(job);
      send(res, 200, { prompt_id: job.id, number: job.number, node_errors: {} });
      broadcastStatus();
      void work();
      return;
    }
    if (route === 'POST /interrupt') {
      const body = JSON.parse((await readBody(req)).toString() || '{}');
      counts.interrupts++;
      if (running && (!body.prompt_id || body.prompt_id === running.id)) { running.interrupted = true; releaseHold(); }
      return send(res, 200, {});
    }
    if (req.method === 'GET' && url.pathname.startsWith('/history')) {
      const id = url.pathname.slice('/history/'.length);
      if (id) return send(res, 200, history.has(id) ? { [id]: history.get(id) } : {});
      return send(res, 200, Object.fromEntries(history));
    }
    if (route === 'GET /view') {
      const key = `${url.searchParams.get('subfolder') ?? ''}/${url.searchParams.get('filename')}`;
      const type = url.searchParams.get('type') ?? 'output';
      const bytes = type === 'input' ? uploads.get(url.searchParams.get('filename')) : files.get(key);
      if (!bytes) return send(res, 404, { error: 'not found' });
      counts.views++;
      counts.viewsByFile[key] = (counts.viewsByFile[key] ?? 0) + 1;
      return send(res, 200, bytes, { 'Content-Type': key.endsWith('.png') ? 'image/png' : 'video/mp4', 'Content-Disposition': `filename="${url.searchParams.get('filename')}"` });
    }
    if (route === 'POST /upload/image') {
      const body = await readBody(req);
      const boundary = /boundary=(.+)$/.exec(req.headers['content-type'] ?? '')?.[1];
      const part = boundary ? body.toString('latin1').split(`--${boundary}`).find((p) => /name="image"/.test(p)) : undefined;
      const filename = part ? /filename="([^"]+)"/.exec(part)?.[1] : undefined;
      if (!part || !filename) return send(res, 400, { error: 'no image' });
      const data = Buffer.from(part.slice(part.indexOf('\r\n\r\n') + 4, part.lastIndexOf('\r\n')), 'latin1');
      uploads.set(filename, data);
      counts.uploads++;
      return send(res, 200, { name: filename, subfolder: '', type: 'input' });
    }
    send(res, 404, { error: 'not found' });
  });

  server.on('connection', (socket) => { connections.add(socket); socket.on('close', () => connections.delete(socket)); });
  server.on('upgrade', (req, socket) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname !== '/ws') return socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
    connections.add(socket);
    const clientId = url.searchParams.get('clientId') ?? randomUUID().replace(/-/g, '');
    const peers = sockets.get(clientId) ?? new Set();
    sockets.set(clientId, peers);
    const peer = acceptUpgrade(req, socket, () => peers.delete(peer));
    if (!peer) return;
    peers.add(peer);
    peer.sendJson({ type: 'status', data: { status: { exec_info: { queue_remaining: pending.length + (running ? 1 : 0) } }, sid: clientId } });
  });

  await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    name,
    counts,
    /** Running prompts stop before their next sampler step until release(). */
    hold() { held = true; },
    release() { held = false; releaseHold(); },
    /** Whether a prompt is waiting on hold at a sampler step (so a test can kill the server mid-job). */
    isRunning: () => Boolean(running),
    /** The server drops like a crashed process: every socket cut, nothing answers. */
    kill() {
      dead = true;
      releaseHold();
      for (const s of connections) s.destroy();
      server.close();
    },
    close() {
      dead = true;
      releaseHold();
      for (const s of connections) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
