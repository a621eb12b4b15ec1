import { analyzeBeats } from '../../audio/analyze-beats';
import type { AudioAnalyzer } from '../ports/audio-analyzer';
import type { ProjectWorkspace } from '../ports/project-workspace';

/** Mono float PCM from a RIFF/WAVE file (16-bit PCM or 32-bit float), channels averaged. */
export function decodeWav(bytes: Uint8Array): { pcm: Float32Array; sampleRate: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (o: number) => String.fromCharCode(bytes[o]!, bytes[o + 1]!, bytes[o + 2]!, bytes[o + 3]!);
  if (bytes.length < 44 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return null;
  let format = 0, channels = 0, sampleRate = 0, bits = 0;
  for (let o = 12; o + 8 <= bytes.length; ) {
    const id = tag(o);
    const size = view.getUint32(o + 4, true);
    if (id === 'fmt ') {
      format = view.getUint16(o + 8, true);
      channels = view.getUint16(o + 10, true);
      sampleRate = view.getUint32(o + 12, true);
      bits = view.getUint16(o + 22, true);
    } else if (id === 'data') {
      const frames = Math.floor(Math.min(size, bytes.length - o - 8) / ((bits / 8) * channels));
      const pcm = new Float32Array(frames);
      for (let i = 0; i < frames; i++) {
        let sum = 0;
        for (let c = 0; c < channels; c++) {
          const at = o + 8 + (i * channels + c) * (bits / 8);
          sum += format === 3 && bits === 32 ? view.getFloat32(at, true) : bits === 16 ? view.getInt16(at, true) / 32768 : 0;
        }
        pcm[i] = sum / channels;
      }
      return channels > 0 && sampleRate > 0 ? { pcm, sampleRate } : null;
    }
    o += 8 + size + (size % 2);
  }
  return null;
}

/** An AudioAnalyzer over WAV assets and core/audio's analyzeBeats (the app decodes any format in its audio worker). */
export function makeWavAudioAnalyzer(workspace: ProjectWorkspace): AudioAnalyzer {
  return {
    async analyze(assetName) {
      const asset = await workspace.readAsset(assetName);
      if (!asset) return { ok: false, code: 'asset_not_found', message: `No asset "${assetName}"` };
      if (!asset.asset.mimeType.startsWith('audio/')) return { ok: false, code: 'not_audio', message: `${assetName} is ${asset.asset.mimeType}, not audio` };
      const decoded = decodeWav(asset.bytes);
      if (!decoded) return { ok: false, code: 'decode_failed', message: `${assetName} is not a PCM WAV file this analyzer can read` };
      return { ok: true, analysis: analyzeBeats(decoded.pcm, decoded.sampleRate) };
    },
  };
}
