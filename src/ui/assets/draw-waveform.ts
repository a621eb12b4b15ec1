export interface WaveformPicture {
  min: readonly number[];
  max: readonly number[];
  durationSec: number;
  beats: readonly number[];
  downbeats: readonly number[];
}

export interface WaveformColors {
  wave: string;
  beat: string;
  downbeat: string;
}

/**
 * Draws min/max peaks as one vertical bar per pixel column, centred, scaled so the loudest peak
 * nearly fills the height (quiet recordings stay readable). Beats are short ticks along the
 * bottom; downbeats (bar starts) run the full height, so bars can be counted at a glance.
 * Sizes are in device pixels.
 */
export function drawWaveform(g: CanvasRenderingContext2D, width: number, height: number, picture: WaveformPicture, colors: WaveformColors): void {
  g.clearRect(0, 0, width, height);
  const buckets = picture.max.length;
  if (!buckets || width <= 0 || height <= 0) return;
  const loudest = Math.max(1e-3, ...picture.max.map(Math.abs), ...picture.min.map(Math.abs));
  const mid = height / 2;
  const scale = (mid * 0.92) / loudest;

  g.fillStyle = colors.wave;
  for (let x = 0; x < width; x++) {
    const from = Math.floor((x * buckets) / width);
    const to = Math.max(from + 1, Math.floor(((x + 1) * buckets) / width));
    let low = 0;
    let high = 0;
    for (let b = from; b < to && b < buckets; b++) {
      low = Math.min(low, picture.min[b]!);
      high = Math.max(high, picture.max[b]!);
    }
    const top = mid - high * scale;
    g.fillRect(x, top, 1, Math.max(1, (high - low) * scale));
  }

  if (!(picture.durationSec > 0)) return;
  const xOf = (sec: number) => Math.round((sec / picture.durationSec) * (width - 1));
  const tick = Math.max(1, Math.round(width / 400));
  g.fillStyle = colors.beat;
  for (const beat of picture.beats) g.fillRect(xOf(beat), height * 0.8, tick, height * 0.2);
  g.fillStyle = colors.downbeat;
  for (const bar of picture.downbeats) g.fillRect(xOf(bar), 0, tick, height);
}
