import { decodeBase64 } from '../util/base64';

/** A position in a project source, 1-based line and column. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

interface Segment {
  generatedColumn: number;
  source: number;
  line: number;
  column: number;
}

export interface SourceMapLookup {
  /** 1-based generated line and column to the original position; null outside mapped code. */
  original(line: number, column: number): SourcePosition | null;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/**
 * Reads the inline source map esbuild appends to a bundle (`//# sourceMappingURL=data:…;base64,`)
 * and answers where a generated line:column came from. Source names lose esbuild's namespace
 * ("project:src/Badge.tsx" → "src/Badge.tsx"). Null when the bundle has no readable map.
 *
 * @example
 * inlineSourceMap(bundle.code)?.original(120, 15) // { file: 'src/Badge.tsx', line: 5, column: 19 }
 */
export function inlineSourceMap(code: string): SourceMapLookup | null {
  const m = /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)\s*$/.exec(code);
  if (!m) return null;
  let map: { sources?: unknown; mappings?: unknown };
  try {
    map = JSON.parse(new TextDecoder().decode(decodeBase64(m[1]!)));
  } catch {
    return null;
  }
  if (!Array.isArray(map.sources) || typeof map.mappings !== 'string') return null;
  const sources = map.sources.map((s) => String(s).replace(/^[a-z-]+:/, ''));
  const lines = decodeMappings(map.mappings);
  return {
    original(line, column) {
      const segments = lines[line - 1];
      if (!segments?.length) return null;
      // The last segment starting at or before the column (segments are sorted by column).
      let found: Segment | undefined;
      for (const s of segments) {
        if (s.generatedColumn > column - 1) break;
        found = s;
      }
      found ??= segments[0];
      if (!found || found.source < 0) return null;
      return { file: sources[found.source] ?? '', line: found.line + 1, column: found.column + 1 };
    },
  };
}

/** Source map v3 "mappings": per generated line, segments of base64 VLQ deltas. */
function decodeMappings(mappings: string): Segment[][] {
  const out: Segment[][] = [];
  let source = 0;
  let line = 0;
  let column = 0;
  for (const lineText of mappings.split(';')) {
    const segments: Segment[] = [];
    let generatedColumn = 0;
    for (const segText of lineText.split(',')) {
      if (!segText) continue;
      const values = decodeVlq(segText);
      generatedColumn += values[0] ?? 0;
      if (values.length >= 4) {
        source += values[1]!;
        line += values[2]!;
        column += values[3]!;
        segments.push({ generatedColumn, source, line, column });
      } else {
        segments.push({ generatedColumn, source: -1, line: 0, column: 0 });
      }
    }
    out.push(segments);
  }
  return out;
}

function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of text) {
    const digit = DIGIT.get(c);
    if (digit === undefined) return values;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}
