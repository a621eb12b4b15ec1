/**
 * The contract between voiceover, subtitles, the soundtrack mix and Auto-pilot (issue 18). Times are
 * seconds from the start of the clip they belong to unless a field says otherwise.
 */

/** One spoken word and when it is heard. */
export interface WordTiming {
  text: string;
  startS: number;
  endS: number;
}

/** One subtitle cue: at most two lines of at most 42 characters. */
export interface SubtitleCue {
  startS: number;
  endS: number;
  text: string;
  /** The words inside the cue, for word highlighting in the captions layer. */
  words?: WordTiming[];
}

export type VoiceProvider = 'offline' | 'cloud';

/** How a project speaks; kept per project. */
export interface VoiceSettings {
  provider: VoiceProvider;
  /** Provider-specific voice name, e.g. 'en-us' (eSpeak NG) or 'Kore' (Gemini TTS). */
  voice: string;
  /** 1 = normal speed. */
  speed: number;
  /** 0 = the voice's own pitch; in semitones. */
  pitch: number;
}

/** A synthesised narration of one text: a WAV and its word timings. */
export interface NarrationAudio {
  wav: Blob;
  durationS: number;
  words: WordTiming[];
  provider: VoiceProvider;
  voice: string;
}

/** One sound placed on the soundtrack. */
export interface SoundtrackPart {
  /** Any audio or video file the browser can decode. */
  audio: Blob;
  /** Where it starts in the video, in seconds. */
  atS: number;
  /** Decibels added to the part (0 = unchanged). */
  gainDb: number;
  fadeInS?: number;
  fadeOutS?: number;
}

export interface DuckingSettings {
  /** How far the music drops under the voice, in dB (positive number, e.g. 12). */
  depthDb: number;
  attackS: number;
  releaseS: number;
}

export interface SoundtrackRequest {
  durationS: number;
  music?: SoundtrackPart;
  voice: SoundtrackPart[];
  clipAudio: SoundtrackPart[];
  ducking: DuckingSettings;
  /** Integrated loudness target, default −14 LUFS. */
  targetLufs: number;
  /** True-peak ceiling, default −1 dBTP. */
  truePeakCeilingDbtp: number;
}

export interface LoudnessReport {
  integratedLufs: number;
  truePeakDbtp: number;
}

export interface SoundtrackResult {
  /** Stereo 48 kHz WAV of the whole video's sound. */
  wav: Blob;
  before: LoudnessReport;
  after: LoudnessReport;
}
