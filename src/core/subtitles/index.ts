export { buildCues, cuesFromText, type CueOptions } from './build-cues.ts';
export { parseSrt, parseVtt, SubtitleParseError, writeSrt, writeVtt } from './subtitle-files.ts';
export { wrapCueText } from './wrap-cue-text.ts';
