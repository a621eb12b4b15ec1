import { describe, expect, it } from 'vitest';
import { parseSrt, parseVtt, writeSrt, writeVtt } from '../../../src/core/subtitles/subtitle-files';
import type { SubtitleCue } from '../../../src/core/narration/narration-types';

const CUES: SubtitleCue[] = [
  { startS: 0.5, endS: 2.25, text: 'Hello there,\nand welcome.' },
  { startS: 2.25, endS: 3725.007, text: 'Fish & chips <cheap>' },
];

describe('SRT and WebVTT', () => {
  it('writes SRT with numbered blocks and comma milliseconds', () => {
    expect(writeSrt(CUES)).toBe(
      '1\n00:00:00,500 --> 00:00:02,250\nHello there,\nand welcome.\n\n2\n00:00:02,250 --> 01:02:05,007\nFish & chips <cheap>\n',
    );
  });

  it('writes WebVTT with a header, dot milliseconds and escaped markup', () => {
    expect(writeVtt(CUES)).toBe(
      'WEBVTT\n\n00:00:00.500 --> 00:00:02.250\nHello there,\nand welcome.\n\n00:00:02.250 --> 01:02:05.007\nFish &amp; chips &lt;cheap&gt;\n',
    );
  });

  it('round-trips through both formats', () => {
    expect(parseVtt(writeVtt(CUES))).toEqual(CUES);
    const srt = parseSrt(writeSrt([CUES[0]!]));
    expect(srt).toEqual([CUES[0]]);
  });

  it('never lets cue text end a cue early or fake a timing line', () => {
    const out = writeSrt([{ startS: 0, endS: 1, text: 'one\n\n\ntwo --> three' }]);
    expect(parseSrt(out)).toEqual([{ startS: 0, endS: 1, text: 'one\ntwo -> three' }]);
  });

  it('reads real-world SRT: BOM, CRLF, no numbers, tags, out of order', () => {
    const text = '\uFEFF2\r\n00:00:05,000 --> 00:00:06,000\r\n<i>Later</i>\r\n\r\n00:00:01,000 --> 00:00:02,5\r\n{\\an8}First\r\n';
    expect(parseSrt(text)).toEqual([
      { startS: 1, endS: 2.5, text: 'First' },
      { startS: 5, endS: 6, text: 'Later' },
    ]);
  });

  it('reads WebVTT with notes, styles, identifiers, short times and settings', () => {
    const text = 'WEBVTT - a title\nKind: captions\n\nNOTE written by hand\n\nSTYLE\n::cue { color: red }\n\nintro\n00:01.000 --> 00:02.000 align:start\n<v Anna>Hi <c.loud>you</c></v>\n';
    expect(parseVtt(text)).toEqual([{ startS: 1, endS: 2, text: 'Hi you' }]);
  });

  it.each([
    ['SRT', () => parseSrt('1\n00:00:01,000 -> 00:00:02,000\nhi\n'), /SRT line 2: expected a timing line/],
    ['SRT', () => parseSrt('1\n00:00:03,000 --> 00:00:02,000\nhi\n'), /SRT line 2: the cue ends before it starts/],
    ['SRT', () => parseSrt('00:99:01,000 --> 00:99:02,000\nhi'), /below 60/],
    ['SRT', () => parseSrt('\u0000\u0001binary'), /binary data/],
    ['SRT', () => parseSrt('x'.repeat(5_000_001)), /larger than 5 MB/],
    ['VTT', () => parseVtt('1\n00:00:01.000 --> 00:00:02.000\nhi'), /not a WebVTT file/],
    ['VTT', () => parseVtt('WEBVTT\n\nid only\n'), /WebVTT line 3: expected a timing line/],
    ['VTT', () => parseVtt('WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nhi'), /expected a timing line/],
  ])('hostile %s input gets one clear sentence', (_format, run, message) => {
    expect(run).toThrow(message);
    try {
      run();
    } catch (e) {
      expect((e as Error).name).toBe('Error');
      expect((e as { code: string }).code).toBe('subtitle_parse');
      expect((e as Error).message.split('\n')).toHaveLength(1);
    }
  });
});
