/** The interchange formats, and which one a file is from its name and first bytes. */
export const TIMELINE_FORMATS = ['fcpxml', 'edl', 'otio', 'fcp7xml', 'json'] as const;
export type TimelineFormat = (typeof TIMELINE_FORMATS)[number];

/** File extension written for each format. */
export const TIMELINE_EXTENSIONS: Record<TimelineFormat, string> = { fcpxml: 'fcpxml', edl: 'edl', otio: 'otio', fcp7xml: 'xml', json: 'timeline.json' };

/**
 * The format of a file, from its content first (an .xml may be FCPXML or xmeml) and its extension
 * second; null when it is none of them.
 */
export function detectTimelineFormat(fileName: string, text: string): TimelineFormat | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  const start = head.trimStart();
  if (/<fcpxml[\s>]/.test(head)) return 'fcpxml';
  if (/<xmeml[\s>]/.test(head)) return 'fcp7xml';
  if (start.startsWith('{')) {
    if (/"OTIO_SCHEMA"\s*:/.test(head)) return 'otio';
    if (/"format"\s*:\s*"director-timeline"/.test(head)) return 'json';
  }
  if (/^(TITLE:|FCM:)/im.test(head) || /^\d{3,6}\s+\S+\s+\S+\s+(C|D|W\d*)\s+/m.test(head)) return 'edl';
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'fcpxml' || ext === 'fcpxmld') return 'fcpxml';
  if (ext === 'edl') return 'edl';
  if (ext === 'otio') return 'otio';
  if (ext === 'json' && start.startsWith('{')) return 'json';
  return null;
}
