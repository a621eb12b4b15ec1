/**
 * Timeline → CMX3600 EDL. The format holds one picture track: video track 1 is written, audio
 * tracks as A, A2… events; upper video tracks are left out with a warning. A dissolve is a second
 * event starting `floor(d/2)` frames before the cut, as in our model; markers are `* LOC:` comments.
 */
import { framesToTimecode } from './timecode';
import { recordStarts, type Timeline, type TimelineTrack } from './timeline-model';

/** One line of an EDL comment: no line breaks or control characters. */
const line = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

const reelOf = (name: string) => (name.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_]/g, '').toUpperCase().slice(0, 8) || 'AX');

export function writeEdl(timeline: Timeline): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  const tc = (frames: number) => framesToTimecode(frames, timeline.rate, timeline.dropFrame);
  const lines = [`TITLE: ${line(timeline.name)}`, `FCM: ${timeline.dropFrame ? 'DROP FRAME' : 'NON-DROP FRAME'}`, ''];
  const video = timeline.tracks.filter((t) => t.kind === 'video');
  const audio = timeline.tracks.filter((t) => t.kind === 'audio');
  if (video.length > 1) warnings.push(`EDL: only video track 1 is written; ${video.length - 1} upper video track(s) left out (an EDL holds one picture track).`);
  let event = 1;
  const number = () => String(event++).padStart(3, '0');
  const row = (num: string, reel: string, channel: string, transition: string, source: [number, number], record: [number, number]) =>
    `${num}  ${reel.padEnd(8)} ${channel.padEnd(5)} ${transition.padEnd(8)} ${tc(source[0])} ${tc(source[1])} ${tc(record[0])} ${tc(record[1])}`;

  const writeTrack = (track: TimelineTrack, channel: string) => {
    const starts = recordStarts(track) as number[];
    const startOf = (i: number) => starts[i]!;
    track.items.forEach((item, index) => {
      if (item.type !== 'clip') return;
      const before = track.items[index - 1];
      const after = track.items[index + 1];
      const lead = before?.type === 'transition' ? Math.floor(before.duration / 2) : 0;
      const transition = before?.type === 'transition' ? before : undefined;
      const tail = after?.type === 'transition' ? Math.floor(after.duration / 2) : 0;
      const speed = item.speed ?? 1;
      const recIn = timeline.startFrame + startOf(index) - lead;
      const recOut = timeline.startFrame + startOf(index) + item.duration - tail;
      const srcIn = item.sourceIn - Math.round(lead * speed);
      const srcOut = srcIn + Math.round((recOut - recIn) * speed);
      if (srcIn < 0) warnings.push(`EDL: "${item.name}" starts ${item.sourceIn} frame(s) into its media, fewer than the ${lead} the transition before it needs; its source timecode is clamped to 00:00:00:00.`);
      const reel = reelOf(item.media.name);
      const num = number();
      if (lead) {
        const prev = track.items[index - 2];
        const prevReel = prev?.type === 'clip' ? reelOf(prev.media.name) : 'BL';
        const prevOut = prev?.type === 'clip' ? prev.sourceIn + Math.round((prev.duration - lead) * (prev.speed ?? 1)) : 0;
        lines.push(row(num, prevReel, channel, 'C', [prevOut, prevOut], [recIn, recIn]));
        const kind = transition?.kind === 'wipe' ? 'W001' : 'D';
        lines.push(row(num, reel, channel, `${kind.padEnd(4)} ${String(transition!.duration).padStart(3, '0')}`, [srcIn, srcOut], [recIn, recOut]));
        if (prev?.type === 'clip') lines.push(`* FROM CLIP NAME: ${line(prev.name)}`, `* TO CLIP NAME: ${line(item.name)}`);
      } else {
        lines.push(row(num, reel, channel, 'C', [srcIn, srcOut], [recIn, recOut]));
        lines.push(`* FROM CLIP NAME: ${line(item.name)}`);
      }
      if (speed !== 1) lines.push(`M2   ${reel.padEnd(8)}       ${(speed * (timeline.rate.num / timeline.rate.den)).toFixed(1).padStart(5, '0')}                ${tc(srcIn)}`);
      lines.push(`* SOURCE FILE: ${line(item.media.name)}`);
      if (channel === 'V' && index === firstClipIndex(track))
        for (const marker of timeline.markers) lines.push(`* LOC: ${tc(timeline.startFrame + marker.frame)} BLUE    ${line(marker.note)}${marker.duration ? ` |D:${marker.duration}` : ''}`);
    });
  };
  if (video[0]) writeTrack(video[0], 'V');
  else if (timeline.markers.length) warnings.push('EDL: markers need a video track and were left out.');
  audio.forEach((track, i) => writeTrack(track, i === 0 ? 'A' : `A${i + 1}`));
  return { text: lines.join('\n') + '\n', warnings };
}

const firstClipIndex = (track: TimelineTrack) => track.items.findIndex((i) => i.type === 'clip');
