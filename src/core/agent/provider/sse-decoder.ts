/**
 * Incremental Server-Sent Events decoder for Gemini's stream (wire/gemini.md §4): events are
 * `data: <json>` blocks separated by a blank line. Google emits `\r\n\r\n`; like Google's own
 * parsers we also accept `\n\n` and `\r\r`. Chunks may split anywhere — inside a UTF-8 sequence,
 * inside `data:`, between `\r` and `\n` — so nothing is decided until a whole separator is seen.
 */
export interface SseDecoder {
  /** Feeds bytes; returns the payloads of the events completed by them. */
  push(chunk: Uint8Array): string[];
  /** The stream ended: returns the unterminated remainder (empty when it ended on a boundary). */
  end(): string;
}

const SEPARATOR = /\r\n\r\n|\n\n|\r\r/g;

export function makeSseDecoder(): SseDecoder {
  const text = new TextDecoder('utf-8');
  let buffer = '';
  // Where to resume searching: separators are at most 4 chars, so only the tail can be new.
  let scanFrom = 0;

  const drain = (): string[] => {
    const out: string[] = [];
    let start = 0;
    SEPARATOR.lastIndex = scanFrom;
    for (let m = SEPARATOR.exec(buffer); m; m = SEPARATOR.exec(buffer)) {
      const payload = eventPayload(buffer.slice(start, m.index));
      if (payload !== null) out.push(payload);
      start = m.index + m[0].length;
    }
    buffer = buffer.slice(start);
    scanFrom = Math.max(0, buffer.length - 3);
    return out;
  };

  return {
    push(chunk) {
      // No separator can be mistaken half-seen: "\r\n\r" holds none of the three patterns, and a
      // "\r\r" or "\n\n" is a blank line whatever follows; so matching the joined buffer is enough.
      buffer += text.decode(chunk, { stream: true });
      return drain();
    },
    end() {
      buffer += text.decode();
      const rest = buffer;
      buffer = '';
      scanFrom = 0;
      if (rest.trim() === '') return '';
      return eventPayload(rest) ?? '';
    },
  };
}

/**
 * The data of one event block: `data:` lines joined by "\n" (one leading space dropped), comments
 * and other fields ignored. A block without `data:` that looks like JSON is returned as is: Vertex
 * appends a raw `{"error": …}` mid-stream and js-genai accepts it.
 */
export function eventPayload(block: string): string | null {
  const data: string[] = [];
  for (const line of block.split(/\r\n|\n|\r/)) {
    if (line.startsWith('data:')) data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
  }
  if (data.length) return data.join('\n');
  const trimmed = block.trim();
  return trimmed.startsWith('{') || trimmed.startsWith('[') ? trimmed : null;
}
