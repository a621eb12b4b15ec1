/** Any audio (or the audio of a video) to mono Float32 PCM at a requested rate. */
import { AudioSampleSink, type Input } from 'mediabunny';
import { MediaError, addPlanarMean, decodeAudioArgs, downmixInterleaved, ffprobeArgs, probeFromFfprobeJson, resamplePcm, type MediaEngine } from '../../src/core/media/index.ts';
import { NeedsFfmpeg, runWithFallback, type EngineChoice } from './engine-fallback.ts';
import type { FfmpegEngine } from './ffmpeg-engine.ts';
import { ffmpegInput, type NamedBlob } from './media-source.ts';

export interface DecodeAudioOptions {
  /** Output rate in Hz (e.g. 22050 for beat analysis, 48000 for mixing). */
  sampleRate: number;
  engine?: EngineChoice;
  timeoutMs?: number;
}

export interface DecodedAudio {
  pcm: Float32Array;
  sampleRate: number;
  durationSec: number;
  /** Rate and channel count of the file's own audio. */
  sourceSampleRate: number;
  sourceChannels: number;
  engine: MediaEngine;
}

interface MonoAtSourceRate {
  pcm: Float32Array;
  rate: number;
  channels: number;
}

export async function decodeAudio(file: NamedBlob, options: DecodeAudioOptions, ffmpeg: FfmpegEngine | null): Promise<DecodedAudio> {
  const rate = options.sampleRate;
  if (!(rate >= 1000 && rate <= 384_000)) throw new MediaError('invalid_request', file.name, `sampleRate must be 1000..384000 Hz, got ${rate}`);
  const { value, engine } = await runWithFallback<MonoAtSourceRate>(file, options.engine ?? 'auto', ffmpeg, {
    mediabunny: (input) => decodeWithMediabunny(file, input),
    ffmpeg: (ff) => decodeWithFfmpeg(file, ff, options.timeoutMs ?? 60_000),
  });
  if (value.pcm.length === 0) throw new MediaError('corrupt_or_truncated', file.name, 'no audio could be decoded (the file is empty or cut off)');
  const pcm = resamplePcm(value.pcm, value.rate, rate);
  return { pcm, sampleRate: rate, durationSec: value.pcm.length / value.rate, sourceSampleRate: value.rate, sourceChannels: value.channels, engine };
}

async function decodeWithMediabunny(file: NamedBlob, input: Input): Promise<MonoAtSourceRate | NeedsFfmpeg> {
  const track = await input.getPrimaryAudioTrack();
  if (!track) throw new MediaError('no_audio_track', file.name, 'the file has no audio track');
  const codec = await track.getCodec();
  if (!codec || !(await track.canDecode())) return new NeedsFfmpeg(`WebCodecs cannot decode the ${codec ?? 'unknown'} audio codec`);
  const rate = await track.getSampleRate();
  const channels = await track.getNumberOfChannels();
  const expected = (await track.getDurationFromMetadata().catch(() => null)) ?? 0;
  let out = new Float32Array(Math.ceil((expected + 1) * rate));
  let end = 0;
  let planes: Float32Array[] = [];
  for await (const sample of new AudioSampleSink(track).samples()) {
    try {
      const frames = sample.numberOfFrames;
      if (planes[0]?.length !== frames) planes = Array.from({ length: sample.numberOfChannels }, () => new Float32Array(frames));
      for (let c = 0; c < sample.numberOfChannels; c++) sample.copyTo(planes[c]!, { planeIndex: c, format: 'f32-planar' });
      // Place by timestamp, not by count: gaps stay silent and priming samples (negative time) drop.
      let at = Math.round(sample.timestamp * rate);
      let skip = 0;
      if (at < 0) [skip, at] = [-at, 0];
      if (skip >= frames) continue;
      if (at + frames > out.length) {
        const grown = new Float32Array(Math.max(out.length * 2, at + frames));
        grown.set(out.subarray(0, end));
        out = grown;
      }
      addPlanarMean(skip ? planes.map((p) => p.subarray(skip)) : planes, out, at);
      end = Math.max(end, at + frames - skip);
    } finally {
      sample.close();
    }
  }
  return { pcm: out.slice(0, end), rate, channels };
}

async function decodeWithFfmpeg(file: NamedBlob, ffmpeg: FfmpegEngine, timeoutMs: number): Promise<MonoAtSourceRate> {
  const input = await ffmpegInput(file);
  const outputs = await ffmpeg.run({
    fileName: file.name,
    input,
    commands: [
      { tool: 'ffprobe', args: ffprobeArgs(input.name, 'probe.json') },
      { tool: 'ffmpeg', args: decodeAudioArgs(input.name, 'audio.f32') },
    ],
    outputs: ['probe.json', 'audio.f32'],
    timeoutMs,
  });
  const probe = probeFromFfprobeJson(JSON.parse(new TextDecoder().decode(outputs.get('probe.json'))));
  if (!probe.hasAudio) throw new MediaError('no_audio_track', file.name, 'the file has no audio track');
  const bytes = outputs.get('audio.f32')!;
  const count = Math.floor(bytes.byteLength / 4);
  // Float32Array views need 4-byte alignment; copy in the rare case the buffer is not aligned.
  const interleaved = bytes.byteOffset % 4 === 0 ? new Float32Array(bytes.buffer, bytes.byteOffset, count) : new Float32Array(bytes.slice(0, count * 4).buffer);
  return { pcm: downmixInterleaved(interleaved, Math.max(1, probe.audioChannels)), rate: probe.audioSampleRate, channels: probe.audioChannels };
}
