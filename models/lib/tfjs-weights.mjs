// Reads a tfjs weights manifest and its .bin shards into Float32 tensors, dequantizing exactly as
// tfjs-core's io.decodeWeights does (value = q * scale + min, rounded to float32), so the ONNX
// model sees bit-identical weights to face-api at runtime.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const BYTES_PER = { float32: 4, int32: 4, uint8: 1, uint16: 2 };

/**
 * @param {string} manifestPath path of a `*-weights_manifest.json`
 * @returns {Map<string, { shape: number[], data: Float32Array }>}
 */
export function readTfjsWeights(manifestPath) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const tensors = new Map();
  for (const group of manifest) {
    const shards = group.paths.map((p) => readFileSync(path.join(path.dirname(manifestPath), p)));
    const bytes = Buffer.concat(shards);
    let offset = 0;
    for (const spec of group.weights) {
      const count = spec.shape.reduce((a, b) => a * b, 1);
      const storedAs = spec.quantization?.dtype ?? spec.dtype;
      const size = BYTES_PER[storedAs];
      if (!size || spec.dtype !== 'float32') {
        throw new Error(`[models/tfjs] ${spec.name}: unsupported dtype ${spec.dtype} stored as ${storedAs}`);
      }
      const slice = bytes.subarray(offset, offset + count * size);
      if (slice.length !== count * size) throw new Error(`[models/tfjs] ${spec.name}: weights file too short`);
      offset += count * size;
      tensors.set(spec.name, { shape: spec.shape, data: decode(slice, count, storedAs, spec.quantization) });
    }
    if (offset !== bytes.length) throw new Error(`[models/tfjs] ${manifestPath}: ${bytes.length - offset} unread bytes`);
  }
  return tensors;
}

function decode(slice, count, storedAs, quantization) {
  const aligned = new Uint8Array(slice).buffer; // copy: shard slices are not 4-byte aligned
  if (storedAs === 'float32') return new Float32Array(aligned, 0, count);
  const q = storedAs === 'uint8' ? new Uint8Array(aligned, 0, count) : new Uint16Array(aligned, 0, count);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = q[i] * quantization.scale + quantization.min;
  return out;
}
