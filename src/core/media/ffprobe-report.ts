import { normaliseRotation, type MediaProbe } from './media-probe.ts';

/** The parts of `ffprobe -print_format json -show_format -show_streams` we read (loose: it is foreign input). */
interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
  duration?: string;
  tags?: Record<string, string>;
  side_data_list?: { rotation?: number }[];
}
interface FfprobeJson {
  streams?: FfprobeStream[];
  format?: { format_name?: string; duration?: string };
}

const ratio = (text: string | undefined): number => {
  const [num, den] = (text ?? '').split('/').map(Number);
  return num! > 0 && den! > 0 ? num! / den! : 0;
};
const number = (text: string | number | undefined): number => {
  const value = Number(text);
  return Number.isFinite(value) ? value : 0;
};

/** First name of ffmpeg's comma list ("mov,mp4,m4a,3gp,3g2,mj2" -> "mp4"). */
function containerName(formatName: string | undefined): string {
  const names = (formatName ?? '').split(',');
  if (names.includes('mp4')) return 'mp4';
  if (names.includes('webm')) return 'matroska';
  return names[0] || 'unknown';
}

/**
 * A {@link MediaProbe} from ffprobe's JSON report. ffmpeg's display-matrix rotation is
 * counter-clockwise; the probe reports clockwise degrees, as mediabunny and players do.
 *
 * @example
 * const probe = probeFromFfprobeJson(JSON.parse(text));
 */
export function probeFromFfprobeJson(report: unknown): MediaProbe {
  const json = (report ?? {}) as FfprobeJson;
  const streams = Array.isArray(json.streams) ? json.streams : [];
  // Cover art in audio files is a one-frame "video" stream: it does not make a file a video.
  const video = streams.find((s) => s.codec_type === 'video' && !['mjpeg', 'png'].includes(s.codec_name ?? '') );
  const audio = streams.find((s) => s.codec_type === 'audio');
  const counterClockwise = number(video?.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? 0);
  const tagged = video?.tags?.rotate !== undefined ? number(video.tags.rotate) : null;
  const rotation = normaliseRotation(tagged ?? -counterClockwise);
  const codedWidth = number(video?.width);
  const codedHeight = number(video?.height);
  const aspect = ratio(video?.sample_aspect_ratio) || 1;
  const squareWidth = Math.round(codedWidth * aspect);
  const sideways = rotation === 90 || rotation === 270;
  const durations = [number(json.format?.duration), ...streams.map((s) => number(s.duration))];
  return {
    container: containerName(json.format?.format_name),
    durationSec: Math.max(0, ...durations),
    hasVideo: Boolean(video),
    hasAudio: Boolean(audio),
    videoCodec: video?.codec_name ?? null,
    audioCodec: audio?.codec_name ?? null,
    fps: video ? ratio(video.avg_frame_rate) || ratio(video.r_frame_rate) : 0,
    width: sideways ? codedHeight : squareWidth,
    height: sideways ? squareWidth : codedHeight,
    codedWidth,
    codedHeight,
    rotation,
    audioSampleRate: number(audio?.sample_rate),
    audioChannels: number(audio?.channels),
    engine: 'ffmpeg',
  };
}
