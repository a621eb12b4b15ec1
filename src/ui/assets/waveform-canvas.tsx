import { createEffect, onCleanup, onMount } from 'solid-js';
import { drawWaveform, type WaveformPicture } from './draw-waveform';

/** The waveform with beat ticks, drawn at the device's pixel density and redrawn when the card resizes. */
export function WaveformCanvas(props: { picture: WaveformPicture; label: string }) {
  let canvas!: HTMLCanvasElement;
  const draw = () => {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(canvas.clientWidth * ratio);
    const height = Math.round(canvas.clientHeight * ratio);
    if (!width || !height) return;
    if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
    const css = getComputedStyle(canvas);
    const color = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    drawWaveform(canvas.getContext('2d')!, width, height, props.picture, {
      wave: color('--muted', '#9aa1b2'),
      beat: color('--text', '#e8eaf0'),
      downbeat: color('--accent', '#f5b94a'),
    });
  };
  onMount(() => {
    const observer = new ResizeObserver(draw);
    observer.observe(canvas);
    onCleanup(() => observer.disconnect());
  });
  createEffect(draw);
  return (
    <canvas
      ref={canvas}
      class="asset-waveform"
      role="img"
      aria-label={props.label}
      data-testid="waveform"
      data-beats={props.picture.beats.length}
      data-downbeats={props.picture.downbeats.length}
    />
  );
}
