/** SMPTE timecode ↔ frames, non-drop ("01:00:00:00") and drop-frame ("01:00:00;00", 29.97 and 59.94). */
import { timecodeBase } from './frame-rate';
import type { FrameRate } from './timeline-model';

/** Frame numbers dropped at each minute but every tenth: 2 at 29.97, 4 at 59.94. */
const dropsPerMinute = (rate: FrameRate) => Math.round(timecodeBase(rate) / 15);

/** Whether drop-frame timecode exists at this rate (NTSC 30 and 60). */
export const canDropFrame = (rate: FrameRate): boolean => rate.den === 1001 && timecodeBase(rate) % 30 === 0;

const pad = (n: number) => String(n).padStart(2, '0');

/** Frames since 00:00:00:00 → timecode; `;` before the frames marks drop-frame. */
export function framesToTimecode(frames: number, rate: FrameRate, dropFrame: boolean): string {
  const base = timecodeBase(rate);
  let f = Math.max(0, Math.round(frames));
  if (dropFrame && canDropFrame(rate)) {
    const drop = dropsPerMinute(rate);
    const per10 = base * 600 - drop * 9;
    const perMinute = base * 60 - drop;
    const tens = Math.floor(f / per10);
    const rest = f % per10;
    f += drop * 9 * tens + (rest > drop ? drop * Math.floor((rest - drop) / perMinute) : 0);
  }
  const ff = f % base;
  const ss = Math.floor(f / base) % 60;
  const mm = Math.floor(f / (base * 60)) % 60;
  const hh = Math.floor(f / (base * 3600)) % 24;
  return `${pad(hh)}:${pad(mm)}:${pad(ss)}${dropFrame && canDropFrame(rate) ? ';' : ':'}${pad(ff)}`;
}

/** Timecode → frames since 00:00:00:00, or null when it is not a timecode. Drop-frame when `;` or `.` separates frames, or `dropFrame`. */
export function timecodeToFrames(text: string, rate: FrameRate, dropFrame = false): number | null {
  const m = /^(\d{1,2})[:;.](\d{2})[:;.](\d{2})([:;.])(\d{2,3})$/.exec(text.trim());
  if (!m) return null;
  const [hh, mm, ss, ff] = [m[1], m[2], m[3], m[5]].map(Number) as [number, number, number, number];
  const base = timecodeBase(rate);
  const drop = (dropFrame || m[4] === ';' || m[4] === '.') && canDropFrame(rate);
  let frames = ((hh * 60 + mm) * 60 + ss) * base + ff;
  if (drop) {
    const totalMinutes = hh * 60 + mm;
    frames -= dropsPerMinute(rate) * (totalMinutes - Math.floor(totalMinutes / 10));
  }
  return frames;
}
