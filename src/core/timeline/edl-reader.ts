/**
 * CMX3600 EDL → timeline: V events on video track 1, A/A2… on audio tracks, C/D/W transitions,
 * `* FROM CLIP NAME:` / `* SOURCE FILE:` names, M2 speed lines (kept as speed) and `* LOC:` markers.
 * An EDL does not say its frame rate: pass it, or it is taken as 29.97 for drop-frame, else guessed
 * from the highest frame number seen (with a warning).
 */
import { fpsOf, rateFromNumber } from './frame-rate';
import { framesToTimecode, timecodeToFrames } from './timecode';
import { emptyTimeline, trackFromPlaced, type FrameRate, type ReadResult, type TimelineClip, type TimelineTransition } from './timeline-model';
import { TimelineReadError } from './timeline-read-error';

const TC = String.raw`(\d{1,2}[:;.]\d{2}[:;.]\d{2}[:;.]\d{2})`;
const EVENT = new RegExp(String.raw`^(\d{1,6})\s+(\S+)\s+(\S+)\s+(C|D|W\d{0,3}|K[BO]?\d*)\s+(?:(\d{1,4})\s+)?${TC}\s+${TC}\s+${TC}\s+${TC}\s*$`);
const M2 = /^M2\s+(\S+)\s+(-?\d+(?:\.\d+)?)\s+/;
const MARKER_COLOURS = /^(?:ResolveColor\w+|RED|GREEN|BLUE|CYAN|MAGENTA|YELLOW|WHITE|BLACK|PINK|ORANGE|PURPLE)\b\s*/i;

interface EdlEvent {
  channel: string;
  reel: string;
  transition: string;
  transitionFrames: number;
  src: [number, number];
  rec: [number, number];
  name?: string;
  file?: string;
  speed?: number;
}

export function readEdl(text: string, fileName: string, options: { rate?: FrameRate } = {}): ReadResult {
  const warnings: string[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  const title = lines.find((l) => /^TITLE:/i.test(l))?.replace(/^TITLE:\s*/i, '').trim();
  const dropFrame = lines.some((l) => /^FCM:\s*DROP/i.test(l.trim()));
  const rate = options.rate ?? guessRate(lines, dropFrame, warnings);
  const frames = (tc: string) => timecodeToFrames(tc, rate, dropFrame)!;

  const events: EdlEvent[] = [];
  const markers: { at: number; duration: number; note: string }[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    const m = EVENT.exec(line);
    if (m) {
      const g = m.slice(1) as string[];
      events.push({ reel: g[1]!, channel: g[2]!.toUpperCase(), transition: g[3]!.toUpperCase(), transitionFrames: Number(g[4] ?? 0), src: [frames(g[5]!), frames(g[6]!)], rec: [frames(g[7]!), frames(g[8]!)] });
      continue;
    }
    const last = events[events.length - 1];
    const speed = M2.exec(line);
    if (speed && last) {
      last.speed = Number(speed[2]) / fpsOf(rate);
      continue;
    }
    const comment = /^\*\s*([A-Z ]+?)\s*:\s*(.*)$/i.exec(line);
    if (!comment) continue;
    const [key, value] = [comment[1]!.toUpperCase(), comment[2]!.trim()];
    if (key === 'LOC') {
      const loc = new RegExp(`^${TC}\\s*(.*)$`).exec(value);
      if (!loc) continue;
      const note = loc[2] ?? '';
      const duration = /\s*\|D:(\d+)\s*$/.exec(note);
      markers.push({ at: frames(loc[1]!), duration: duration ? Number(duration[1]) : 0, note: note.replace(/\s*\|D:\d+\s*$/, '').replace(MARKER_COLOURS, '').trim() });
    } else if (last && (key === 'FROM CLIP NAME' || key === 'TO CLIP NAME')) {
      // In a transition event FROM names the outgoing clip, TO the incoming one.
      if (key === 'TO CLIP NAME' || last.transition === 'C') last.name = value;
    } else if (last && (key === 'SOURCE FILE' || key === 'CLIP FILENAME')) last.file = value;
  }
  if (!events.length) throw new TimelineReadError(`${fileName} has no EDL events (lines like "001  AX  V  C  00:00:00:00 …"), so it is not a CMX3600 EDL.`);

  const firstRecord = Math.min(...events.map((e) => e.rec[0]));
  // The record timecode's whole hour (01:00:00:00 by convention) is the timeline's start.
  const startFrame = timecodeToFrames(`${framesToTimecode(firstRecord, rate, dropFrame).slice(0, 2)}:00:00:00`, rate, dropFrame)!;
  const tracks = new Map<string, { start: number; item: TimelineClip | TimelineTransition }[]>();
  for (const event of events) {
    const kinds = trackKeys(event.channel);
    if (!kinds.length) warnings.push(`EDL: an event on channel "${event.channel}" is skipped.`);
    if (event.reel === 'BL' || event.reel === 'BLK' || event.rec[1] <= event.rec[0]) continue;
    for (const key of kinds) {
      const placed = tracks.get(key) ?? [];
      tracks.set(key, placed);
      const speed = event.speed ?? 1;
      let start = event.rec[0] - startFrame;
      let sourceIn = event.src[0];
      let duration = event.rec[1] - event.rec[0];
      if (event.transition !== 'C' && event.transitionFrames > 0) {
        // The transition straddles the cut: the outgoing clip runs on under its first half.
        const half = Math.floor(event.transitionFrames / 2);
        const prev = placed.filter((p) => p.item.type === 'clip').pop();
        if (prev && prev.item.type === 'clip' && prev.start + prev.item.duration === start) prev.item.duration += half;
        placed.push({ start: start + half, item: { type: 'transition', kind: event.transition.startsWith('W') ? 'wipe' : 'dissolve', duration: event.transitionFrames } });
        start += half;
        sourceIn += Math.round(half * speed);
        duration -= half;
      }
      const media = event.file ?? event.name ?? event.reel;
      placed.push({ start, item: { type: 'clip', name: event.name ?? media, media: { name: media }, sourceIn, duration, ...(speed !== 1 ? { speed } : {}) } });
    }
  }
  const timeline = emptyTimeline(title || fileName.replace(/\.[^.]+$/, ''), rate, { dropFrame, startFrame });
  const keys = [...tracks.keys()].sort((a, b) => (a === 'V' ? -1 : b === 'V' ? 1 : Number(a.slice(1) || 1) - Number(b.slice(1) || 1)));
  for (const key of keys) timeline.tracks.push(trackFromPlaced(key === 'V' ? 'video' : 'audio', tracks.get(key)!));
  timeline.markers = markers.map((m) => ({ frame: m.at - startFrame, duration: m.duration, note: m.note })).sort((a, b) => a.frame - b.frame);
  return { timeline, warnings };
}

/** The tracks an event's channel field names: V, A (A1), A2…; AA is A and A2, B is V and A. */
function trackKeys(channel: string): string[] {
  const c = channel.replace(/^AA\/V$/, 'VAA');
  if (c === 'B') return ['V', 'A'];
  if (c === 'AA') return ['A', 'A2'];
  const keys: string[] = [];
  if (c.includes('V')) keys.push('V');
  const audio = /A(\d*)/.exec(c.replace('V', ''));
  if (audio) keys.push(audio[1] && audio[1] !== '1' ? `A${audio[1]}` : 'A');
  if (c.includes('AA')) keys.push('A2');
  return keys;
}

/** Frame rate from the EDL itself: 29.97 when drop-frame, else the smallest common rate its frame numbers fit. */
function guessRate(lines: string[], dropFrame: boolean, warnings: string[]): FrameRate {
  if (dropFrame) return { num: 30000, den: 1001 };
  const highest = Math.max(0, ...lines.flatMap((l) => [...l.matchAll(/\d{2}[:;.]\d{2}[:;.]\d{2}[:;.](\d{2})/g)].map((m) => Number(m[1]))));
  const fps = highest >= 30 ? 60 : highest >= 25 ? 30 : highest >= 24 ? 25 : 24;
  warnings.push(`EDL: the file does not state its frame rate; read at ${fps} fps (frame numbers go up to ${highest}).`);
  return rateFromNumber(fps);
}
