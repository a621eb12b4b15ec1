// The MediaPipe face detector as MediaPipe Tasks wants it: the short-range BlazeFace model from
// @mediapipe/face_detection plus the TFLite metadata (RGB input, (x - 127.5) / 127.5) that the npm
// file lacks and without which FaceDetector refuses it ("requires specifying NormalizationOptions").
import { addTfliteMetadata } from './add-tflite-metadata.mjs';
import { buildImageInputMetadata } from './image-input-metadata.mjs';

export function faceDetectorWithMetadata(tflite) {
  const metadata = buildImageInputMetadata({
    name: 'face_detection_short_range',
    description: 'BlazeFace short-range face detector (faces within about 2 m), from @mediapipe/face_detection.',
    version: '1',
    author: 'Google (MediaPipe)',
    license: 'Apache-2.0',
    input: { name: 'input', width: 128, height: 128, mean: [127.5], std: [127.5] },
    outputNames: ['regressors', 'classificators'],
  });
  return addTfliteMetadata(tflite, metadata);
}
