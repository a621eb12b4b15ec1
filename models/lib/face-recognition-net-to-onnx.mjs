// Rebuilds face-api's FaceRecognitionNet (src/faceRecognitionNet/FaceRecognitionNet.ts: a dlib
// ResNet-29 variant, 150x150 RGB in, 128-d descriptor out) as an ONNX graph with its trained
// weights. Layer for layer:
//   normalize: (rgb - [122.782, 117.001, 104.298]) / 255
//   conv32_down: conv 7x7/2 valid, scale, relu; maxpool 3x3/2 valid
//   residual blocks (conv3x3 same, scale, relu, conv3x3 same, scale, + x, relu) and "down" blocks
//   (first conv 3x3/2 valid; shortcut avgpool 2x2/2, zero-padded to the new channel count and,
//   where the sizes disagree, the main path zero-padded by one row/column at the end)
//   global average pool, matmul with fc (256x128)
// The per-channel scale layer ((conv + bias) * w + b) is folded into the convolution's weights
// and bias: the same arithmetic in one op.
import { OnnxGraph, ONNX_FLOAT } from './onnx-graph.mjs';

export const FACE_INPUT_SIZE = 150;
export const DESCRIPTOR_SIZE = 128;
const MEAN_RGB = [122.782, 117.001, 104.298];

const BLOCKS = [
  ['conv32_1', false], ['conv32_2', false], ['conv32_3', false],
  ['conv64_down', true], ['conv64_1', false], ['conv64_2', false], ['conv64_3', false],
  ['conv128_down', true], ['conv128_1', false], ['conv128_2', false],
  ['conv256_down', true], ['conv256_1', false], ['conv256_2', false], ['conv256_down_out', true],
];

function weight(weights, name) {
  const tensor = weights.get(name);
  if (!tensor) throw new Error(`[models/face-recognition] weight "${name}" missing from the manifest`);
  return tensor;
}

/** tfjs filter [kh, kw, in, out] -> ONNX [out, in, kh, kw], each output channel scaled by `scale`. */
function foldedFilter(filter, scale) {
  const [kh, kw, cin, cout] = filter.shape;
  const out = new Float32Array(filter.data.length);
  for (let ky = 0; ky < kh; ky++)
    for (let kx = 0; kx < kw; kx++)
      for (let ci = 0; ci < cin; ci++)
        for (let co = 0; co < cout; co++) {
          const v = filter.data[((ky * kw + kx) * cin + ci) * cout + co];
          out[((co * cin + ci) * kh + ky) * kw + kx] = Math.fround(v * scale[co]);
        }
  return { data: out, dims: [cout, cin, kh, kw] };
}

/** Output size of a "valid" window op, as tfjs computes it: ceil((n - k + 1) / s). */
const validSize = (n, k, s) => Math.ceil((n - k + 1) / s);

/** A conv layer of the net (conv + bias + scale [+ relu]); tracks the spatial size. */
function convLayer(g, x, weights, prefix, { stride, same, relu }) {
  const filter = weight(weights, `${prefix}/conv/filters`);
  const bias = weight(weights, `${prefix}/conv/bias`).data;
  const scaleW = weight(weights, `${prefix}/scale/weights`).data;
  const scaleB = weight(weights, `${prefix}/scale/biases`).data;
  const { data, dims } = foldedFilter(filter, scaleW);
  const foldedBias = bias.map((b, i) => Math.fround(b * scaleW[i] + scaleB[i]));
  const k = dims[2];
  const pad = same ? (k - 1) / 2 : 0; // 'same' with stride 1 and odd k pads (k-1)/2 per side
  if (same && stride !== 1) throw new Error('[models/face-recognition] "same" padding is only used with stride 1');
  const conv = g.node(
    'Conv',
    [x.name, g.floats(`${prefix}/W`, data, dims), g.floats(`${prefix}/B`, foldedBias, [dims[0]])],
    { kernel_shape: [k, k], strides: [stride, stride], pads: [pad, pad, pad, pad] },
    `${prefix}/conv`,
  );
  const size = same ? x.size : validSize(x.size, k, stride);
  return { name: relu ? g.node('Relu', [conv], {}, `${prefix}/relu`) : conv, size, channels: dims[0] };
}

function residual(g, x, weights, prefix) {
  const a = convLayer(g, x, weights, `${prefix}/conv1`, { stride: 1, same: true, relu: true });
  const b = convLayer(g, a, weights, `${prefix}/conv2`, { stride: 1, same: true, relu: false });
  const sum = g.node('Add', [b.name, x.name], {}, `${prefix}/add`);
  return { name: g.node('Relu', [sum], {}, `${prefix}/out`), size: b.size, channels: b.channels };
}

function residualDown(g, x, weights, prefix) {
  const a = convLayer(g, x, weights, `${prefix}/conv1`, { stride: 2, same: false, relu: true });
  let main = convLayer(g, a, weights, `${prefix}/conv2`, { stride: 1, same: true, relu: false });
  let shortcut = {
    name: g.node('AveragePool', [x.name], { kernel_shape: [2, 2], strides: [2, 2] }, `${prefix}/pool`),
    size: validSize(x.size, 2, 2),
    channels: x.channels,
  };
  if (shortcut.size !== main.size) {
    // face-api concatenates one zero row and one zero column after the main path.
    if (shortcut.size !== main.size + 1) throw new Error(`[models/face-recognition] ${prefix}: sizes ${shortcut.size} vs ${main.size}`);
    const pads = g.int64s(`${prefix}/pad_hw`, [0, 0, 0, 0, 0, 0, 1, 1]);
    main = { ...main, name: g.node('Pad', [main.name, pads], {}, `${prefix}/pad_main`), size: shortcut.size };
  }
  if (shortcut.channels !== main.channels) {
    // ... and zero channels after the pooled shortcut.
    const extra = main.channels - shortcut.channels;
    const pads = g.int64s(`${prefix}/pad_c`, [0, 0, 0, 0, 0, extra, 0, 0]);
    shortcut = { ...shortcut, name: g.node('Pad', [shortcut.name, pads], {}, `${prefix}/pad_shortcut`), channels: main.channels };
  }
  const sum = g.node('Add', [main.name, shortcut.name], {}, `${prefix}/add`);
  return { name: g.node('Relu', [sum], {}, `${prefix}/out`), size: main.size, channels: main.channels };
}

/**
 * @param {Map<string, {shape: number[], data: Float32Array}>} weights face_recognition_model weights
 * @param {{ name: string, version: string }} producer
 * @returns {Uint8Array} ONNX model: input "pixels" [N,150,150,3] RGB 0..255 -> "descriptor" [N,128]
 */
export function faceRecognitionNetToOnnx(weights, producer) {
  const g = new OnnxGraph();
  const S = FACE_INPUT_SIZE;
  const pixels = g.input('pixels', ONNX_FLOAT, ['batch', S, S, 3]);
  const centered = g.node('Sub', [pixels, g.floats('mean_rgb', MEAN_RGB, [1, 1, 1, 3])], {}, 'centered');
  const scaled = g.node('Div', [centered, g.floats('pixel_range', [255], [1])], {}, 'scaled');
  const nchw = g.node('Transpose', [scaled], { perm: [0, 3, 1, 2] }, 'nchw');

  let x = convLayer(g, { name: nchw, size: S, channels: 3 }, weights, 'conv32_down', { stride: 2, same: false, relu: true });
  x = { ...x, name: g.node('MaxPool', [x.name], { kernel_shape: [3, 3], strides: [2, 2] }, 'maxpool'), size: validSize(x.size, 3, 2) };
  for (const [prefix, down] of BLOCKS) x = (down ? residualDown : residual)(g, x, weights, prefix);

  const pooled = g.node('GlobalAveragePool', [x.name], {}, 'global_avg');
  const flat = g.node('Flatten', [pooled], { axis: 1 }, 'flat');
  const fc = weight(weights, 'fc');
  if (fc.shape.join() !== `${x.channels},${DESCRIPTOR_SIZE}`) throw new Error(`[models/face-recognition] fc shape ${fc.shape}`);
  const descriptor = g.node('MatMul', [flat, g.floats('fc', fc.data, fc.shape)], {}, 'descriptor');
  g.output(descriptor, ONNX_FLOAT, ['batch', DESCRIPTOR_SIZE]);

  return g.encode({
    graphName: 'face_recognition_net',
    opset: 17,
    producer,
    docString:
      'face-api FaceRecognitionNet (dlib ResNet-29, 128-d), converted from @vladmandic/face-api model/face_recognition_model (MIT). ' +
      'Input: aligned 150x150 RGB face, NHWC float32 0..255. Output: unnormalized 128-d descriptor.',
    metadata: { source: '@vladmandic/face-api/model/face_recognition_model', license: 'MIT', input_size: S },
  });
}
