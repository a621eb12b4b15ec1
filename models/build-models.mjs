#!/usr/bin/env node
// Builds the vision models from npm-shipped files (no downloads) and stages the runtime files the
// vision worker loads, all into models/dist/:
//   face_detection_short_range.tflite  MediaPipe BlazeFace + TFLite metadata (MediaPipe Tasks needs it)
//   face_recognition_net.onnx          face-api's 128-d FaceRecognitionNet as ONNX
//   mediapipe/                         @mediapipe/tasks-vision module-worker wasm fileset
//   ort/                               onnxruntime-web wasm binaries (wasm EP, and WebGPU EP)
//   manifest.json                      what was built, from what, with sizes and sha256
// Idempotent: a stamp of the inputs' hashes skips work when nothing changed.
// Usage: node models/build-models.mjs [--force]
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { faceDetectorWithMetadata } from './lib/face-detector-model.mjs';
import { faceRecognitionNetToOnnx } from './lib/face-recognition-net-to-onnx.mjs';
import { readTfjsWeights } from './lib/tfjs-weights.mjs';

const started = performance.now();
const MODELS = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.join(MODELS, 'dist');
const require = createRequire(import.meta.url);
/** A package's folder, found the way Node does (walking up node_modules); some packages do not export package.json. */
function packageDir(name) {
  for (const base of require.resolve.paths(name) ?? []) {
    if (existsSync(path.join(base, name, 'package.json'))) return path.join(base, name);
  }
  throw new Error(`[models] package ${name} is not installed (run npm install)`);
}
const packageVersion = (name) => JSON.parse(readFileSync(path.join(packageDir(name), 'package.json'), 'utf8')).version;

const faceDetection = packageDir('@mediapipe/face_detection');
const faceApiModel = path.join(packageDir('@vladmandic/face-api'), 'model');
const tasksVisionWasm = path.join(packageDir('@mediapipe/tasks-vision'), 'wasm');
const ortDist = path.join(packageDir('onnxruntime-web'), 'dist');

/** Files copied as they are: [source, destination relative to dist]. */
const STAGED = [
  [path.join(tasksVisionWasm, 'vision_wasm_module_internal.js'), 'mediapipe/vision_wasm_module_internal.js'],
  [path.join(tasksVisionWasm, 'vision_wasm_module_internal.wasm'), 'mediapipe/vision_wasm_module_internal.wasm'],
  // wasm EP (onnxruntime-web/wasm) and WebGPU EP (onnxruntime-web/webgpu) binaries and their loaders.
  [path.join(ortDist, 'ort-wasm-simd-threaded.wasm'), 'ort/ort-wasm-simd-threaded.wasm'],
  [path.join(ortDist, 'ort-wasm-simd-threaded.mjs'), 'ort/ort-wasm-simd-threaded.mjs'],
  [path.join(ortDist, 'ort-wasm-simd-threaded.asyncify.wasm'), 'ort/ort-wasm-simd-threaded.asyncify.wasm'],
  [path.join(ortDist, 'ort-wasm-simd-threaded.asyncify.mjs'), 'ort/ort-wasm-simd-threaded.asyncify.mjs'],
];

const BUILT = [
  {
    output: 'face_detection_short_range.tflite',
    inputs: [path.join(faceDetection, 'face_detection_short_range.tflite')],
    scripts: ['lib/face-detector-model.mjs', 'lib/add-tflite-metadata.mjs', 'lib/image-input-metadata.mjs'],
    build: ([tflite]) => faceDetectorWithMetadata(new Uint8Array(readFileSync(tflite))),
    from: `@mediapipe/face_detection@${packageVersion('@mediapipe/face_detection')} (Apache-2.0)`,
  },
  {
    output: 'face_recognition_net.onnx',
    inputs: [path.join(faceApiModel, 'face_recognition_model-weights_manifest.json'), path.join(faceApiModel, 'face_recognition_model.bin')],
    scripts: ['lib/face-recognition-net-to-onnx.mjs', 'lib/onnx-graph.mjs', 'lib/onnx-subset.proto', 'lib/tfjs-weights.mjs'],
    build: ([manifest]) => faceRecognitionNetToOnnx(readTfjsWeights(manifest), { name: 'director/models', version: '1' }),
    from: `@vladmandic/face-api@${packageVersion('@vladmandic/face-api')} model/face_recognition_model (MIT)`,
  },
];

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const fileHash = (file) => sha256(readFileSync(file));
const log = (line) => console.log(`[models] ${line}`);

function buildModel(spec, force) {
  const out = path.join(DIST, spec.output);
  const stampPath = `${out}.stamp`;
  const stamp = sha256([...spec.inputs, ...spec.scripts.map((s) => path.join(MODELS, s))].map(fileHash).join());
  if (!force && existsSync(out) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) {
    log(`${spec.output}: up to date`);
    return false;
  }
  const t = performance.now();
  const bytes = spec.build(spec.inputs);
  writeFileSync(out, bytes);
  writeFileSync(stampPath, stamp);
  log(`${spec.output}: built from ${spec.from}, ${(bytes.length / 1e6).toFixed(2)} MB in ${Math.round(performance.now() - t)} ms`);
  return true;
}

/** Copies when size or mtime differ; a copy keeps the source's mtime so the check stays cheap. */
function stage([source, relative], force) {
  const out = path.join(DIST, relative);
  const src = statSync(source);
  if (!force && existsSync(out)) {
    const dst = statSync(out);
    if (dst.size === src.size && Math.abs(dst.mtimeMs - src.mtimeMs) < 1000) return false;
  }
  mkdirSync(path.dirname(out), { recursive: true });
  copyFileSync(source, out);
  utimesSync(out, src.atimeMs / 1000, src.mtimeMs / 1000);
  return true;
}

function writeManifest() {
  const files = [...BUILT.map((b) => b.output), ...STAGED.map(([, rel]) => rel)].map((rel) => {
    const bytes = readFileSync(path.join(DIST, rel));
    return { path: rel, bytes: bytes.length, sha256: sha256(bytes) };
  });
  const manifest = {
    note: 'Generated by models/build-models.mjs. Serve this folder as-is at one URL prefix (e.g. /models/).',
    sources: {
      '@mediapipe/face_detection': packageVersion('@mediapipe/face_detection'),
      '@mediapipe/tasks-vision': packageVersion('@mediapipe/tasks-vision'),
      '@vladmandic/face-api': packageVersion('@vladmandic/face-api'),
      'onnxruntime-web': packageVersion('onnxruntime-web'),
    },
    files,
  };
  writeFileSync(path.join(DIST, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

const force = process.argv.includes('--force');
mkdirSync(DIST, { recursive: true });
const rebuilt = BUILT.map((spec) => buildModel(spec, force));
const copied = STAGED.filter((entry) => stage(entry, force));
log(copied.length ? `staged ${copied.length} runtime file(s): ${copied.map(([, r]) => r).join(', ')}` : 'runtime files: up to date');
if (rebuilt.some(Boolean) || copied.length || !existsSync(path.join(DIST, 'manifest.json'))) writeManifest();
log(`done in ${Math.round(performance.now() - started)} ms -> ${path.relative(process.cwd(), DIST) || DIST}`);
