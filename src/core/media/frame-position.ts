/** Which frame to extract: a time in seconds (the frame shown at that time) or the very last frame. */
export type FramePosition = number | 'last';

/**
 * Parses a CLI/URL value: "last", or seconds as a non-negative number ("1.5", "2"). Returns null
 * for anything else, so callers can name the bad value in their own message.
 *
 * @example
 * parseFramePosition('last'); // 'last'
 * parseFramePosition('1.25'); // 1.25
 */
export function parseFramePosition(text: string): FramePosition | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'last' || trimmed === 'end') return 'last';
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 ? value : null;
}
