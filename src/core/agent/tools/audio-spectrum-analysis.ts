import { z } from 'zod';
import { BEAT_LEVELS, atBeatLevel } from '../../audio/beat-level';
import { defineTool, fail } from './tool-types';

const args = z.object({
  asset: z.string().min(1).max(200).describe('Audio asset name, as staticFile() takes it'),
  level: z
    .enum(BEAT_LEVELS)
    .default('detected')
    .describe("Beat level: 'double' adds the half-beats (cut twice as often), 'half' keeps every other beat, in step with the bars"),
});

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Tempo, beats (in seconds and in frames at the project's fps), downbeats, sections and an energy curve. */
export const audioSpectrumAnalysis = defineTool({
  name: 'audio_spectrum_analysis',
  description:
    'Analyse an audio asset: tempo (bpm), beat and downbeat times (seconds and frames at the project fps), section boundaries and a coarse energy curve (0..1). Use it to cut scenes and time accents on the music.',
  args,
  mutates: false,
  async run(a, { workspace, audioAnalyzer, signal }) {
    const [result, settings] = await Promise.all([audioAnalyzer.analyze(a.asset, signal), workspace.settings()]);
    if (!result.ok) {
      if (result.code === 'asset_not_found') {
        const audio = (await workspace.listAssets()).filter((x) => x.mimeType.startsWith('audio/')).map((x) => x.name);
        return fail(result.code, `${result.message}. Audio assets: ${audio.join(', ') || 'none (ask the person to add music)'}`);
      }
      return fail(result.code, result.message);
    }
    const r = atBeatLevel(result.analysis, a.level);
    const toFrame = (s: number) => Math.round(s * settings.fps);
    const energyBins = 32;
    const energy: number[] = [];
    const per = Math.max(1, Math.ceil(r.energy.length / energyBins));
    for (let i = 0; i < r.energy.length; i += per) {
      const slice = r.energy.slice(i, i + per);
      energy.push(round(slice.reduce((x, y) => x + y, 0) / slice.length, 2));
    }
    return {
      ok: true,
      summary: r.bpm ? `${round(r.bpm, 1)} bpm, ${r.beats.length} beats, ${round(r.durationSec, 1)} s` : `no steady beat, ${round(r.durationSec, 1)} s`,
      output: {
        asset: a.asset,
        durationSec: round(r.durationSec, 2),
        bpm: round(r.bpm, 1),
        beatsPerBar: r.beatsPerBar,
        fps: settings.fps,
        beatsSec: r.beats.slice(0, 128).map((b) => round(b)),
        beatFrames: r.beats.slice(0, 128).map(toFrame),
        downbeatFrames: r.downbeats.slice(0, 64).map(toFrame),
        sectionFrames: r.sections.map(toFrame),
        energy: { values: energy, secondsPerValue: round((per * r.energyHopSec), 3) },
        ...(r.beats.length > 128 ? { note: `${r.beats.length - 128} more beats not listed; the grid continues at ${round(60 / r.bpm, 3)} s` } : {}),
      },
    };
  },
});
