// A small ONNX graph writer: nodes, float initializers and typed inputs/outputs, encoded with
// protobufjs against the ONNX schema subset in onnx-subset.proto.
import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs';

const PROTO_PATH = new URL('./onnx-subset.proto', import.meta.url);
const ATTRIBUTE_TYPE = { FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7 };
export const ONNX_FLOAT = 1;
export const ONNX_INT64 = 7;

let modelType = null;
function onnxModelType() {
  modelType ??= protobuf.parse(readFileSync(PROTO_PATH, 'utf8'), { keepCase: true }).root.lookupType('onnx.ModelProto');
  return modelType;
}

function attribute(name, value) {
  if (Array.isArray(value)) {
    return value.every(Number.isInteger)
      ? { name, type: ATTRIBUTE_TYPE.INTS, ints: value }
      : { name, type: ATTRIBUTE_TYPE.FLOATS, floats: value };
  }
  if (typeof value === 'string') return { name, type: ATTRIBUTE_TYPE.STRING, s: new TextEncoder().encode(value) };
  if (Number.isInteger(value)) return { name, type: ATTRIBUTE_TYPE.INT, i: value };
  return { name, type: ATTRIBUTE_TYPE.FLOAT, f: value };
}

function valueInfo(name, elemType, shape) {
  const dim = shape.map((d) => (typeof d === 'string' ? { dim_param: d } : { dim_value: d }));
  return { name, type: { tensor_type: { elem_type: elemType, shape: { dim } } } };
}

function littleEndianBytes(typed) {
  // raw_data must be little-endian; typed arrays are in platform order, which is little-endian
  // on every platform Node and browsers ship for, but check rather than assume.
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('[models/onnx] big-endian hosts are not supported');
  return new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
}

/** Collects nodes and weights; `encode()` returns the serialized ModelProto. */
export class OnnxGraph {
  nodes = [];
  initializers = [];
  inputs = [];
  outputs = [];
  #names = new Set();

  /** A fresh value name derived from `hint`. */
  name(hint) {
    let name = hint;
    for (let i = 1; this.#names.has(name); i++) name = `${hint}_${i}`;
    this.#names.add(name);
    return name;
  }

  input(name, elemType, shape) {
    this.#names.add(name);
    this.inputs.push(valueInfo(name, elemType, shape));
    return name;
  }

  output(name, elemType, shape) {
    this.outputs.push(valueInfo(name, elemType, shape));
  }

  /** A float32 constant (Float32Array data, row-major `dims`). */
  floats(hint, data, dims) {
    const count = dims.reduce((a, b) => a * b, 1);
    if (data.length !== count) throw new Error(`[models/onnx] initializer "${hint}": ${data.length} values for dims [${dims}]`);
    const name = this.name(hint);
    this.initializers.push({ name, dims, data_type: ONNX_FLOAT, raw_data: littleEndianBytes(Float32Array.from(data)) });
    return name;
  }

  int64s(hint, values) {
    const name = this.name(hint);
    this.initializers.push({ name, dims: [values.length], data_type: ONNX_INT64, raw_data: littleEndianBytes(BigInt64Array.from(values.map(BigInt))) });
    return name;
  }

  /** Adds one node; returns its (single) output name. */
  node(opType, inputs, attributes = {}, hint = opType.toLowerCase()) {
    const output = this.name(hint);
    this.nodes.push({
      op_type: opType,
      name: output,
      input: inputs,
      output: [output],
      attribute: Object.entries(attributes).map(([k, v]) => attribute(k, v)),
    });
    return output;
  }

  encode({ graphName, opset, producer, docString, metadata = {} }) {
    const type = onnxModelType();
    const model = {
      ir_version: 8,
      opset_import: [{ domain: '', version: opset }],
      producer_name: producer.name,
      producer_version: producer.version,
      doc_string: docString,
      graph: { name: graphName, node: this.nodes, initializer: this.initializers, input: this.inputs, output: this.outputs },
      metadata_props: Object.entries(metadata).map(([key, value]) => ({ key, value: String(value) })),
    };
    const problem = type.verify(model);
    if (problem) throw new Error(`[models/onnx] invalid ModelProto: ${problem}`);
    return type.encode(type.fromObject(model)).finish();
  }
}
