/**
 * The whole video's sound from a SoundtrackRequest: the browser decodes and resamples each part
 * (decodeAudioData on an OfflineAudioContext at 48 kHz), the audio worker mixes it with core's
 * mixSoundtrackPcm (ducking, fades, gains, loudness normalisation, true-peak limiting), and the
 * result is a stereo 48 kHz WAV with its loudness before and after.
 */
import type { PcmPart } from '../../core/audio/mix-soundtrack';
import { encodeWav } from '../../core/audio/wav';
import type { SoundtrackPart, SoundtrackRequest, SoundtrackResult } from '../../core/narration/narration-types';
import { audioWorker } from '../workers/page-workers';

export const SOUNDTRACK_SAMPLE_RATE = 48_000;
/** An hour of stereo float PCM is ~1.4 GB; a video's soundtrack above this is a mistake. */
const MAX_DURATION_S = 60 * 60;
/** Mixing an hour takes tens of seconds on a slow device. */
const MIX_TIMEOUT_MS = 300_000;

export async function renderSoundtrack(req: SoundtrackRequest, signal?: AbortSignal): Promise<SoundtrackResult> {
  if (!(req.durationS > 0) || req.durationS > MAX_DURATION_S) {
    throw new RangeError(`The soundtrack must last between 0 and ${MAX_DURATION_S / 60} minutes, got ${req.durationS} s.`);
  }
  signal?.throwIfAborted();
  const decode = async (part: SoundtrackPart, what: string): Promise<PcmPart> => ({
    channels: await decodeToRate(part.audio, what),
    atS: part.atS,
    gainDb: part.gainDb,
    ...(part.fadeInS !== undefined ? { fadeInS: part.fadeInS } : {}),
    ...(part.fadeOutS !== undefined ? { fadeOutS: part.fadeOutS } : {}),
  });
  const music = req.music ? await decode(req.music, 'The music') : undefined;
  const voice = await Promise.all(req.voice.map((p, i) => decode(p, `Voice part ${i + 1}`)));
  const clipAudio = await Promise.all(req.clipAudio.map((p, i) => decode(p, `Clip sound ${i + 1}`)));
  signal?.throwIfAborted();

  const parts = [music, ...voice, ...clipAudio].filter((p): p is PcmPart => !!p);
  const transfer = [...new Set(parts.flatMap((p) => p.channels.map((c) => c.buffer as ArrayBuffer)))];
  const input = {
    sampleRate: SOUNDTRACK_SAMPLE_RATE,
    durationS: req.durationS,
    ...(music ? { music } : {}),
    voice,
    clipAudio,
    ducking: req.ducking,
    targetLufs: Number.isFinite(req.targetLufs) ? req.targetLufs : -14,
    truePeakCeilingDbtp: Number.isFinite(req.truePeakCeilingDbtp) ? req.truePeakCeilingDbtp : -1,
  };
  const mix = await audioWorker().call('mixSoundtrack', [input], { transfer, timeoutMs: MIX_TIMEOUT_MS });
  signal?.throwIfAborted();
  return {
    wav: new Blob([encodeWav(mix.channels, SOUNDTRACK_SAMPLE_RATE)], { type: 'audio/wav' }),
    before: mix.before,
    after: mix.after,
  };
}

/** Any file the browser can decode, as planar channels at 48 kHz (the browser resamples). */
async function decodeToRate(blob: Blob, what: string): Promise<Float32Array[]> {
  const context = new OfflineAudioContext(2, 1, SOUNDTRACK_SAMPLE_RATE);
  let buffer: AudioBuffer;
  try {
    buffer = await context.decodeAudioData(await blob.arrayBuffer());
  } catch {
    throw new Error(`${what} could not be decoded: it is not an audio or video file this browser can read.`);
  }
  return Array.from({ length: Math.min(2, buffer.numberOfChannels) }, (_, c) => buffer.getChannelData(c).slice());
}
