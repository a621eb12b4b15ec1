import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ByteBuffer } from 'flatbuffers';
import { describe, expect, it } from 'vitest';

// models/lib is plain Node ESM (build time); import it by path so the app's typecheck stays TS-only.
const lib = (name: string) => import(/* @vite-ignore */ path.resolve(__dirname, '../../../models/lib', name));
const npmModel = () => new Uint8Array(readFileSync(path.resolve(__dirname, '../../../node_modules/@mediapipe/face_detection/face_detection_short_range.tflite')));

describe('TFLite metadata for the MediaPipe face detector', () => {
  it('adds a TFLITE_METADATA buffer holding an "M001" ModelMetadata flatbuffer, keeping the model bytes', async () => {
    const { faceDetectorWithMetadata } = await lib('face-detector-model.mjs');
    const { readTfliteMetadataEntries, readTfliteMetadataBuffer } = await lib('add-tflite-metadata.mjs');
    const original = npmModel();
    expect(readTfliteMetadataEntries(original)).toEqual([]);
    const model: Uint8Array = faceDetectorWithMetadata(original);
    expect(new TextDecoder().decode(model.subarray(4, 8))).toBe('TFL3');
    const [entry] = readTfliteMetadataEntries(model);
    expect(entry.name).toBe('TFLITE_METADATA');
    const metadata: Uint8Array = readTfliteMetadataBuffer(model);
    expect(new TextDecoder().decode(metadata.subarray(4, 8))).toBe('M001');
    // The original file is embedded whole and 16-byte aligned (Buffer.data is force_align 16).
    const at = Buffer.from(model).indexOf(Buffer.from(original));
    expect(at).toBeGreaterThan(0);
    expect(at % 16).toBe(0);
  });

  it('describes the input as RGB normalized by mean 127.5 / std 127.5', async () => {
    const { buildImageInputMetadata } = await lib('image-input-metadata.mjs');
    const bytes: Uint8Array = buildImageInputMetadata({
      name: 'm', description: 'd', version: '1', author: 'a', license: 'l',
      input: { name: 'input', width: 128, height: 128, mean: [127.5], std: [127.5] },
      outputNames: ['regressors', 'classificators'],
    });
    const bb = new ByteBuffer(bytes);
    const field = (table: number, slot: number) => { const o = bb.__offset(table, 4 + 2 * slot); return o ? table + o : 0; };
    const deref = (table: number, slot: number) => { const p = field(table, slot); return p + bb.readUint32(p); };
    const vectorTable = (vec: number, i: number) => { const e = vec + 4 + 4 * i; return e + bb.readUint32(e); };
    const root = bb.readUint32(0);
    const subgraph = vectorTable(deref(root, 3), 0);
    const input = vectorTable(deref(subgraph, 2), 0);
    expect(bb.readUint32(deref(subgraph, 3))).toBe(2); // two output tensor entries
    const content = deref(input, 3);
    expect(bb.readUint8(field(content, 0))).toBe(2); // ContentProperties.ImageProperties
    expect(bb.readInt8(field(deref(content, 1), 0))).toBe(1); // ColorSpaceType.RGB
    const unit = vectorTable(deref(input, 4), 0);
    expect(bb.readUint8(field(unit, 0))).toBe(1); // ProcessUnitOptions.NormalizationOptions
    const normalization = deref(unit, 1);
    const mean = deref(normalization, 0);
    const std = deref(normalization, 1);
    expect([bb.readUint32(mean), bb.readFloat32(mean + 4), bb.readFloat32(std + 4)]).toEqual([1, 127.5, 127.5]);
  });
});
