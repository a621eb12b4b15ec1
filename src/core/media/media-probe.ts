/** Which implementation answered: WebCodecs through mediabunny, or ffmpeg.wasm. */
export type MediaEngine = 'mediabunny' | 'ffmpeg';

/** What a video (or audio) file holds, as the editor needs it. */
export interface MediaProbe {
  /** Container, as a short name: "mp4", "webm", "matroska", "avi", "mp3", ... */
  container: string;
  durationSec: number;
  hasVideo: boolean;
  hasAudio: boolean;
  /** Codec names as the engine reports them ("avc", "vp9", "aac", "opus"; ffmpeg: "h264", "mpeg4", ...). */
  videoCodec: string | null;
  audioCodec: string | null;
  /** Frames per second (best guess for variable frame rates); 0 without video. */
  fps: number;
  /** Display size: after pixel aspect ratio and rotation. 0 without video. */
  width: number;
  height: number;
  /** Stored (coded) size before rotation. */
  codedWidth: number;
  codedHeight: number;
  /** Clockwise rotation in degrees the player applies: 0, 90, 180 or 270. */
  rotation: 0 | 90 | 180 | 270;
  audioSampleRate: number;
  audioChannels: number;
  engine: MediaEngine;
}

/** Normalises any angle to the clockwise quarter turns players support. */
export function normaliseRotation(degrees: number): MediaProbe['rotation'] {
  const quarter = (((Math.round(degrees / 90) % 4) + 4) % 4) as 0 | 1 | 2 | 3;
  return ([0, 90, 180, 270] as const)[quarter];
}
