/** Duration, frame rate, size, rotation and codecs of a video (or audio) file. */
import { EncodedPacketSink, type Input } from 'mediabunny';
import { MediaError, ffprobeArgs, normaliseRotation, probeFromFfprobeJson, type MediaProbe } from '../../src/core/media/index.ts';
import { runWithFallback, type EngineChoice } from './engine-fallback.ts';
import type { FfmpegEngine } from './ffmpeg-engine.ts';
import { ffmpegInput, type NamedBlob } from './media-source.ts';

export async function probeMedia(file: NamedBlob, options: { engine?: EngineChoice; timeoutMs?: number }, ffmpeg: FfmpegEngine | null): Promise<MediaProbe> {
  const { value } = await runWithFallback<MediaProbe>(file, options.engine ?? 'auto', ffmpeg, {
    mediabunny: (input) => probeWithMediabunny(file, input),
    ffmpeg: (ff) => probeWithFfmpeg(file, ff, options.timeoutMs ?? 20_000),
  });
  return value;
}

/** Containers named the way ffmpeg and the rest of the app name them. */
const CONTAINER_NAMES: Record<string, string> = { 'MP4': 'mp4', 'QuickTime File Format': 'mov', 'WebM': 'webm', 'Matroska': 'matroska', 'MP3': 'mp3', 'WAVE': 'wav', 'Ogg': 'ogg', 'FLAC': 'flac', 'ADTS': 'aac', 'MPEG Transport Stream': 'mpegts' };

async function probeWithMediabunny(file: NamedBlob, input: Input): Promise<MediaProbe> {
  const format = await input.getFormat();
  const video = await input.getPrimaryVideoTrack();
  const audio = await input.getPrimaryAudioTrack();
  if (!video && !audio) throw new MediaError('corrupt_or_truncated', file.name, 'the file has neither a video nor an audio track');
  // A readable header is not a readable file: a cut-off file has no first packet.
  const primary = (video ?? audio)!;
  if (!(await new EncodedPacketSink(primary).getFirstPacket({ metadataOnly: true }))) {
    throw new MediaError('corrupt_or_truncated', file.name, 'the file has headers but no media data (cut off?)');
  }
  // Audio-only: the header's duration. mediabunny 1.56.1's computeDuration() spins forever on a
  // truncated FLAC (seen here); for video files it is needed, as metadata durations can be off.
  const durationSec = video ? await input.computeDuration() : ((await input.getDurationFromMetadata()) ?? (await input.computeDuration()));
  const fps = video ? (await video.computeFrameRateMetrics().catch(() => null))?.bestGuessFrameRate ?? (await video.computePacketStats(120)).averagePacketRate : 0;
  return {
    container: CONTAINER_NAMES[format.name] ?? format.name.toLowerCase(),
    durationSec,
    hasVideo: Boolean(video),
    hasAudio: Boolean(audio),
    videoCodec: video ? await video.getCodec() : null,
    audioCodec: audio ? await audio.getCodec() : null,
    fps,
    width: video ? await video.getDisplayWidth() : 0,
    height: video ? await video.getDisplayHeight() : 0,
    codedWidth: video ? await video.getCodedWidth() : 0,
    codedHeight: video ? await video.getCodedHeight() : 0,
    rotation: normaliseRotation(video ? await video.getRotation() : 0),
    audioSampleRate: audio ? await audio.getSampleRate() : 0,
    audioChannels: audio ? await audio.getNumberOfChannels() : 0,
    engine: 'mediabunny',
  };
}

async function probeWithFfmpeg(file: NamedBlob, ffmpeg: FfmpegEngine, timeoutMs: number): Promise<MediaProbe> {
  const input = await ffmpegInput(file);
  const outputs = await ffmpeg.run({ fileName: file.name, input, commands: [{ tool: 'ffprobe', args: ffprobeArgs(input.name, 'probe.json') }], outputs: ['probe.json'], timeoutMs });
  const probe = probeFromFfprobeJson(JSON.parse(new TextDecoder().decode(outputs.get('probe.json'))));
  if (!probe.hasVideo && !probe.hasAudio) throw new MediaError('unsupported_format', file.name, 'ffmpeg.wasm found no video or audio stream');
  return probe;
}
