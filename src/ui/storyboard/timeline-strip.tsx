import { For, Show } from 'solid-js';
import type { Storyboard } from '../../core/storyboard/storyboard-types';
import { NodeWaveform } from '../canvas/node-media';
import { seconds } from './scene-row';

export interface MusicInfo {
  assetId: string;
  durationSec: number;
  bpm: number;
  beats: number[];
  downbeats: number[];
}

/**
 * The cut on one line: every clip at its length in the cut, scene by scene, over the music's
 * waveform with its beats, on one time scale, so a person sees where cuts fall against the beat.
 * While the cut plays, a playhead follows it; a click on a clip plays from its start.
 */
export function TimelineStrip(props: {
  board: Storyboard;
  music: MusicInfo | null;
  focused: string | null;
  onFocus: (clipId: string) => void;
  /** Seconds into the cut, while the player is open. */
  playhead?: number | null;
  onSeek?: (seconds: number) => void;
}) {
  const clips = () => {
    let start = 0;
    return props.board.scenes.flatMap((scene, s) => scene.clips.map((clip, i) => ({ clip, scene, s, i, start: (start += clip.cutSeconds) - clip.cutSeconds })));
  };
  const playing = (c: { start: number; clip: { cutSeconds: number } }) => props.playhead != null && props.playhead >= c.start && props.playhead < c.start + c.clip.cutSeconds;
  const total = () => clips().reduce((n, c) => n + c.clip.cutSeconds, 0);
  const scale = () => Math.max(total(), props.music?.durationSec ?? 0, 1);
  const pct = (s: number) => `${(s / scale()) * 100}%`;
  return (
    <section class="timeline-strip" aria-label="Timeline" data-testid="timeline-strip">
      <div class="timeline-head">
        <strong>Cut {seconds(Math.round(total() * 10) / 10)}</strong>
        <Show when={props.music}>{(m) => <span class="hint">music {seconds(Math.round(m().durationSec * 10) / 10)}{m().bpm ? ` · ${Math.round(m().bpm)} BPM` : ''}</span>}</Show>
      </div>
      <div class="timeline-track">
      <div class="timeline-clips">
        <For each={clips()}>
          {(c) => (
            <button
              class="timeline-clip"
              classList={{ focused: props.focused === c.clip.id, odd: c.s % 2 === 1, playing: playing(c) }}
              style={{ width: pct(c.clip.cutSeconds) }}
              title={`${c.scene.title} · clip ${c.i + 1}: ${seconds(c.clip.cutSeconds)}`}
              aria-label={`${c.scene.title} · clip ${c.i + 1} in the timeline, ${seconds(c.clip.cutSeconds)}`}
              onClick={() => {
                props.onFocus(c.clip.id);
                props.onSeek?.(c.start);
              }}
            >
              {c.i + 1}
            </button>
          )}
        </For>
      </div>
      <Show when={props.music}>
        {(m) => (
          <div class="timeline-music" style={{ width: pct(m().durationSec) }}>
            <NodeWaveform assetId={m().assetId} beats={{ beats: m().beats, downbeats: m().downbeats }} />
          </div>
        )}
      </Show>
      <Show when={props.playhead != null}>
        <div class="timeline-playhead" data-testid="timeline-playhead" data-seconds={props.playhead!.toFixed(2)} style={{ left: pct(props.playhead!) }} aria-hidden="true" />
      </Show>
      </div>
    </section>
  );
}
