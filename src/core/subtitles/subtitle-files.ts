import type { SubtitleCue } from '../narration/narration-types.ts';

/** A subtitle file we cannot read; the message is one sentence naming the line. */
export class SubtitleParseError extends Error {
  readonly code = 'subtitle_parse' as const;
}

/** Larger files are not subtitles (a feature film's SRT is well under 1 MB). */
const MAX_FILE_CHARS = 5_000_000;
const MAX_CUES = 100_000;

/** SubRip text: numbered blocks, `HH:MM:SS,mmm --> HH:MM:SS,mmm`. */
export function writeSrt(cues: readonly SubtitleCue[]): string {
  return cues
    .map((cue, i) => `${i + 1}\n${timestamp(cue.startS, ',')} --> ${timestamp(cue.endS, ',')}\n${cleanText(cue.text)}\n`)
    .join('\n');
}

/** WebVTT text: `WEBVTT` header and `HH:MM:SS.mmm` times. */
export function writeVtt(cues: readonly SubtitleCue[]): string {
  const body = cues
    .map((cue) => `${timestamp(cue.startS, '.')} --> ${timestamp(cue.endS, '.')}\n${escapeVtt(cleanText(cue.text))}\n`)
    .join('\n');
  return `WEBVTT\n\n${body}`;
}

export function parseSrt(text: string): SubtitleCue[] {
  const lines = splitLines(text, 'SRT');
  const line = (n: number) => lines[n] ?? '';
  const cues: SubtitleCue[] = [];
  let i = 0;
  while (i < lines.length) {
    if (line(i).trim() === '') {
      i++;
      continue;
    }
    // Optional cue number, then the timing line.
    if (/^\d+$/.test(line(i).trim()) && i + 1 < lines.length && line(i + 1).trim() !== '') i++;
    const times = parseTimingLine(line(i), i + 1, 'SRT', /[,.]/);
    i++;
    const body: string[] = [];
    while (i < lines.length && line(i).trim() !== '') body.push(line(i++));
    pushCue(cues, times, stripTags(body.join('\n')));
  }
  return sortCues(cues);
}

export function parseVtt(text: string): SubtitleCue[] {
  const lines = splitLines(text, 'WebVTT');
  const line = (n: number) => lines[n] ?? '';
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    throw new SubtitleParseError('This is not a WebVTT file: the first line must start with "WEBVTT".');
  }
  const cues: SubtitleCue[] = [];
  let i = 1;
  // Header lines run until the first blank line.
  while (i < lines.length && line(i).trim() !== '') i++;
  while (i < lines.length) {
    if (line(i).trim() === '') {
      i++;
      continue;
    }
    const block: { first: number; lines: string[] } = { first: i, lines: [] };
    while (i < lines.length && line(i).trim() !== '') block.lines.push(line(i++));
    const head = block.lines[0] ?? '';
    if (/^(NOTE|STYLE|REGION)(\s|$)/.test(head)) continue;
    let t = 0;
    if (!head.includes('-->')) t = 1; // a cue identifier
    if (t >= block.lines.length) {
      throw new SubtitleParseError(`WebVTT line ${block.first + 1}: expected a timing line like "00:00:01.000 --> 00:00:02.000".`);
    }
    const times = parseTimingLine(block.lines[t] ?? '', block.first + t + 1, 'WebVTT', /\./);
    pushCue(cues, times, unescapeVtt(stripTags(block.lines.slice(t + 1).join('\n'))));
  }
  return sortCues(cues);
}

function splitLines(text: string, format: string): string[] {
  if (typeof text !== 'string') throw new SubtitleParseError(`The ${format} file is not text.`);
  if (text.length > MAX_FILE_CHARS) throw new SubtitleParseError(`The ${format} file is larger than 5 MB; subtitle files are far smaller.`);
  if (text.includes('\u0000')) throw new SubtitleParseError(`The ${format} file contains binary data, not subtitle text.`);
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

const TIME = String.raw`(?:(\d{1,3}):)?(\d{1,2}):(\d{2})([,.])(\d{1,3})`;
const TIMING_LINE = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}(?:\s+.*)?$`);

function parseTimingLine(line: string, lineNo: number, format: string, separator: RegExp): { startS: number; endS: number } {
  const m = TIMING_LINE.exec(line ?? '');
  if (!m || !separator.test(m[4] ?? '') || !separator.test(m[9] ?? '')) {
    const example = format === 'SRT' ? '00:00:01,000 --> 00:00:02,000' : '00:00:01.000 --> 00:00:02.000';
    throw new SubtitleParseError(`${format} line ${lineNo}: expected a timing line like "${example}", got "${clip(line ?? '')}".`);
  }
  const startS = seconds(m.slice(1, 6));
  const endS = seconds(m.slice(6, 11));
  if (Number(m[3]) > 59 || Number(m[8]) > 59 || Number(m[2]) > 59 || Number(m[7]) > 59) {
    throw new SubtitleParseError(`${format} line ${lineNo}: minutes and seconds must be below 60, got "${clip(line)}".`);
  }
  if (endS < startS) throw new SubtitleParseError(`${format} line ${lineNo}: the cue ends before it starts ("${clip(line)}").`);
  return { startS, endS };
}

function seconds([h, m, s, , ms]: (string | undefined)[]): number {
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number((ms ?? '0').padEnd(3, '0')) / 1000;
}

function pushCue(cues: SubtitleCue[], times: { startS: number; endS: number }, text: string): void {
  if (cues.length >= MAX_CUES) throw new SubtitleParseError(`The file has more than ${MAX_CUES} cues; that is not a subtitle file.`);
  cues.push({ ...times, text });
}

/** Stable sort by start: files in the wild are sometimes out of order. */
function sortCues(cues: SubtitleCue[]): SubtitleCue[] {
  return cues.map((c, i) => [c, i] as const).sort((a, b) => a[0].startS - b[0].startS || a[1] - b[1]).map(([c]) => c);
}

function timestamp(s: number, separator: ',' | '.'): string {
  const ms = Math.max(0, Math.round((Number.isFinite(s) ? s : 0) * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const sec = Math.floor(ms / 1000) % 60;
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(sec, 2)}${separator}${pad(ms % 1000, 3)}`;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Cue text may not contain a blank line (it would end the cue) or a timing arrow. */
function cleanText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n')
    .replace(/-->/g, '->');
}

function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeVtt(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&');
}

/** Styling tags (<i>, <b>, <c.x>, <v Name>, <00:00:01.000>, {\an8}) are dropped; the words stay. */
function stripTags(text: string): string {
  return text.replace(/<[^>\n]{0,200}>/g, '').replace(/\{\\[^}\n]{0,50}\}/g, '').trim();
}

function clip(line: string): string {
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
