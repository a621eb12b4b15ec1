// Adds a "TFLITE_METADATA" entry (a ModelMetadata flatbuffer in a new Buffer) to a .tflite model
// without re-serializing the model's graph. The original file is embedded unchanged as a 16-byte
// aligned byte block at the end of a new flatbuffer, and a new root Model table in front of it
// points at the original subgraphs, operator codes and buffers (flatbuffer offsets only point
// forward, so new-table -> old-object references are valid).
import { Builder, ByteBuffer } from 'flatbuffers';

const METADATA_NAME = 'TFLITE_METADATA';
const TFLITE_IDENTIFIER = 'TFL3';

/** Field slots of tflite schema.fbs tables. */
const MODEL = { version: 0, operator_codes: 1, subgraphs: 2, description: 3, buffers: 4, metadata_buffer: 5, metadata: 6, signature_defs: 7 };
const METADATA = { name: 0, buffer: 1 };
const BUFFER = { data: 0 };

/** Absolute position of a table's field, or 0 when the field is absent. */
function fieldPosition(bb, tablePos, slot) {
  const rel = bb.__offset(tablePos, 4 + 2 * slot);
  return rel ? tablePos + rel : 0;
}

/** Absolute position of the object an offset field points to, or 0. */
function referencedPosition(bb, tablePos, slot) {
  const pos = fieldPosition(bb, tablePos, slot);
  return pos ? pos + bb.readUint32(pos) : 0;
}

/** Absolute positions of the tables in a vector of tables. */
function tablePositions(bb, vectorPos) {
  if (!vectorPos) return [];
  const length = bb.readUint32(vectorPos);
  return Array.from({ length }, (_, i) => {
    const elementPos = vectorPos + 4 + 4 * i;
    return elementPos + bb.readUint32(elementPos);
  });
}

function readString(bb, pos) {
  const length = bb.readUint32(pos);
  return new TextDecoder().decode(bb.bytes().subarray(pos + 4, pos + 4 + length));
}

/** The metadata entries of a .tflite model, as {name, bufferIndex}. */
export function readTfliteMetadataEntries(model) {
  const bb = new ByteBuffer(model);
  if (bb.__has_identifier(TFLITE_IDENTIFIER) === false) {
    throw new Error(`[models/tflite] not a TFLite model: file identifier is not "${TFLITE_IDENTIFIER}"`);
  }
  const root = bb.readUint32(0);
  return tablePositions(bb, referencedPosition(bb, root, MODEL.metadata)).map((entry) => ({
    name: readString(bb, referencedPosition(bb, entry, METADATA.name)),
    bufferIndex: bb.readUint32(fieldPosition(bb, entry, METADATA.buffer)),
  }));
}

/** The bytes stored under TFLITE_METADATA, or null. */
export function readTfliteMetadataBuffer(model) {
  const bb = new ByteBuffer(model);
  const entry = readTfliteMetadataEntries(model).find((e) => e.name === METADATA_NAME);
  if (!entry) return null;
  const root = bb.readUint32(0);
  const buffer = tablePositions(bb, referencedPosition(bb, root, MODEL.buffers))[entry.bufferIndex];
  const data = referencedPosition(bb, buffer, BUFFER.data);
  return model.subarray(data + 4, data + 4 + bb.readUint32(data));
}

/**
 * @param {Uint8Array} model the original .tflite bytes
 * @param {Uint8Array} metadata a ModelMetadata flatbuffer ("M001")
 * @returns {Uint8Array} a .tflite model whose Model.metadata has TFLITE_METADATA -> metadata
 */
export function addTfliteMetadata(model, metadata) {
  const old = new ByteBuffer(model);
  if (!old.__has_identifier(TFLITE_IDENTIFIER)) {
    throw new Error(`[models/tflite] not a TFLite model: file identifier is not "${TFLITE_IDENTIFIER}"`);
  }
  const oldRoot = old.readUint32(0);
  const oldBuffers = tablePositions(old, referencedPosition(old, oldRoot, MODEL.buffers));
  const oldMetadata = tablePositions(old, referencedPosition(old, oldRoot, MODEL.metadata)).filter(
    (entry) => readString(old, referencedPosition(old, entry, METADATA.name)) !== METADATA_NAME,
  );
  if (oldBuffers.some((buffer) => fieldPosition(old, buffer, 1) !== 0)) {
    // Buffer.offset (>2 GB models) is relative to the file start, which moves here.
    throw new Error('[models/tflite] models with out-of-flatbuffer buffers (Buffer.offset) are not supported');
  }

  const b = new Builder(model.length + metadata.length + 1024);
  // The original file, aligned to 16 so every Buffer.data inside it (force_align: 16) stays aligned.
  b.startVector(1, model.length, 16);
  b.bb.setPosition((b.space -= model.length));
  b.bb.bytes().set(model, b.space);
  const block = b.endVector();
  /** Builder offset (distance from the end) of the object at `pos` in the original file. */
  const inOld = (pos) => block - 4 - pos;

  b.startVector(1, metadata.length, 16);
  b.bb.setPosition((b.space -= metadata.length));
  b.bb.bytes().set(metadata, b.space);
  const metadataData = b.endVector();
  b.startObject(3);
  b.addFieldOffset(BUFFER.data, metadataData, 0);
  const metadataBuffer = b.endObject();

  const buffers = [...oldBuffers.map(inOld), metadataBuffer];
  const metadataName = b.createString(METADATA_NAME);
  b.startObject(2);
  b.addFieldOffset(METADATA.name, metadataName, 0);
  b.addFieldInt32(METADATA.buffer, buffers.length - 1, 0);
  const metadataEntry = b.endObject();
  const entries = [...oldMetadata.map(inOld), metadataEntry];

  const vectorOf = (offsets) => {
    b.startVector(4, offsets.length, 4);
    for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]);
    return b.endVector();
  };
  const buffersVector = vectorOf(buffers);
  const metadataVector = vectorOf(entries);

  b.startObject(8);
  const versionPos = fieldPosition(old, oldRoot, MODEL.version);
  b.addFieldInt32(MODEL.version, versionPos ? old.readUint32(versionPos) : 0, -1);
  for (const slot of [MODEL.operator_codes, MODEL.subgraphs, MODEL.description, MODEL.metadata_buffer, MODEL.signature_defs]) {
    const target = referencedPosition(old, oldRoot, slot);
    if (target) b.addFieldOffset(slot, inOld(target), 0);
  }
  b.addFieldOffset(MODEL.buffers, buffersVector, 0);
  b.addFieldOffset(MODEL.metadata, metadataVector, 0);
  const root = b.endObject();
  b.finish(root, TFLITE_IDENTIFIER);
  return b.asUint8Array();
}
