// Builds a TFLite ModelMetadata flatbuffer (tflite-support metadata_schema.fbs, identifier "M001")
// that describes one float RGB image input with per-channel normalization. MediaPipe Tasks reads
// exactly this to learn how to turn pixels into the input tensor.
import { Builder } from 'flatbuffers';

/** Union type tags, in declaration order of the schema's unions (0 is NONE). */
const CONTENT_PROPERTIES_IMAGE = 2; // FeatureProperties=1, ImageProperties=2, BoundingBoxProperties=3
const PROCESS_UNIT_NORMALIZATION = 1; // NormalizationOptions=1
const COLOR_SPACE_RGB = 1;

/** Field slots (vtable index) of the tables we write, from metadata_schema.fbs. */
const SLOT = {
  ModelMetadata: { name: 0, description: 1, version: 2, subgraph_metadata: 3, author: 4, license: 5, min_parser_version: 7 },
  SubGraphMetadata: { name: 0, input_tensor_metadata: 2, output_tensor_metadata: 3 },
  TensorMetadata: { name: 0, description: 1, content: 3, process_units: 4, stats: 5 },
  Content: { content_properties_type: 0, content_properties: 1 },
  ImageProperties: { color_space: 0, default_size: 1 },
  ImageSize: { width: 0, height: 1 },
  ProcessUnit: { options_type: 0, options: 1 },
  NormalizationOptions: { mean: 0, std: 1 },
  Stats: { max: 0, min: 1 },
};

function floatVector(b, values) {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]);
  return b.endVector();
}

function offsetVector(b, offsets) {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]);
  return b.endVector();
}

function table(b, fieldCount, write) {
  b.startObject(fieldCount);
  write();
  return b.endObject();
}

function imageTensorMetadata(b, { name, width, height, mean, std, min, max }) {
  const nameOff = b.createString(name);
  const descriptionOff = b.createString('RGB image, values normalized as (pixel - mean) / std');
  const size = table(b, 2, () => {
    b.addFieldInt32(SLOT.ImageSize.width, width, 0);
    b.addFieldInt32(SLOT.ImageSize.height, height, 0);
  });
  const imageProperties = table(b, 2, () => {
    b.addFieldInt8(SLOT.ImageProperties.color_space, COLOR_SPACE_RGB, 0);
    b.addFieldOffset(SLOT.ImageProperties.default_size, size, 0);
  });
  const content = table(b, 3, () => {
    b.addFieldInt8(SLOT.Content.content_properties_type, CONTENT_PROPERTIES_IMAGE, 0);
    b.addFieldOffset(SLOT.Content.content_properties, imageProperties, 0);
  });
  const meanOff = floatVector(b, mean);
  const stdOff = floatVector(b, std);
  const normalization = table(b, 2, () => {
    b.addFieldOffset(SLOT.NormalizationOptions.mean, meanOff, 0);
    b.addFieldOffset(SLOT.NormalizationOptions.std, stdOff, 0);
  });
  const processUnit = table(b, 2, () => {
    b.addFieldInt8(SLOT.ProcessUnit.options_type, PROCESS_UNIT_NORMALIZATION, 0);
    b.addFieldOffset(SLOT.ProcessUnit.options, normalization, 0);
  });
  const processUnits = offsetVector(b, [processUnit]);
  const maxOff = floatVector(b, max);
  const minOff = floatVector(b, min);
  const stats = table(b, 2, () => {
    b.addFieldOffset(SLOT.Stats.max, maxOff, 0);
    b.addFieldOffset(SLOT.Stats.min, minOff, 0);
  });
  return table(b, 7, () => {
    b.addFieldOffset(SLOT.TensorMetadata.name, nameOff, 0);
    b.addFieldOffset(SLOT.TensorMetadata.description, descriptionOff, 0);
    b.addFieldOffset(SLOT.TensorMetadata.content, content, 0);
    b.addFieldOffset(SLOT.TensorMetadata.process_units, processUnits, 0);
    b.addFieldOffset(SLOT.TensorMetadata.stats, stats, 0);
  });
}

function namedTensorMetadata(b, name) {
  const nameOff = b.createString(name);
  return table(b, 7, () => b.addFieldOffset(SLOT.TensorMetadata.name, nameOff, 0));
}

/**
 * @param {{ name: string, description: string, version: string, author: string, license: string,
 *   input: { name: string, width: number, height: number, mean: number[], std: number[] },
 *   outputNames: string[] }} spec
 * @returns {Uint8Array} a ModelMetadata flatbuffer with file identifier "M001"
 */
export function buildImageInputMetadata(spec) {
  const b = new Builder(1024);
  const { input } = spec;
  // Stats describe the normalized range, as tflite-support's writers do.
  const min = input.mean.map((m, i) => (0 - m) / input.std[i]);
  const max = input.mean.map((m, i) => (255 - m) / input.std[i]);
  const inputMeta = imageTensorMetadata(b, { ...input, min, max });
  const outputMetas = spec.outputNames.map((name) => namedTensorMetadata(b, name));
  const inputs = offsetVector(b, [inputMeta]);
  const outputs = offsetVector(b, outputMetas);
  const subgraphName = b.createString(spec.name);
  const subgraph = table(b, 7, () => {
    b.addFieldOffset(SLOT.SubGraphMetadata.name, subgraphName, 0);
    b.addFieldOffset(SLOT.SubGraphMetadata.input_tensor_metadata, inputs, 0);
    b.addFieldOffset(SLOT.SubGraphMetadata.output_tensor_metadata, outputs, 0);
  });
  const subgraphs = offsetVector(b, [subgraph]);
  const strings = Object.fromEntries(
    ['name', 'description', 'version', 'author', 'license'].map((k) => [k, b.createString(spec[k])]),
  );
  const minParserVersion = b.createString('1.0.0');
  const root = table(b, 8, () => {
    b.addFieldOffset(SLOT.ModelMetadata.name, strings.name, 0);
    b.addFieldOffset(SLOT.ModelMetadata.description, strings.description, 0);
    b.addFieldOffset(SLOT.ModelMetadata.version, strings.version, 0);
    b.addFieldOffset(SLOT.ModelMetadata.subgraph_metadata, subgraphs, 0);
    b.addFieldOffset(SLOT.ModelMetadata.author, strings.author, 0);
    b.addFieldOffset(SLOT.ModelMetadata.license, strings.license, 0);
    b.addFieldOffset(SLOT.ModelMetadata.min_parser_version, minParserVersion, 0);
  });
  b.finish(root, 'M001');
  return b.asUint8Array();
}
