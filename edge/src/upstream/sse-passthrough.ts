import type { UpstreamResponse } from './fetch-upstream';

export interface SsePassthroughOptions {
  provider: string;
  /** Longest silence allowed between two chunks before the stream is ended with an error event. */
  idleTimeoutMs: number;
}

const CRLF2 = new TextEncoder().encode('\r\n\r\n');

/**
 * Passes an SSE body through chunk by chunk (no buffering: each upstream read is enqueued as it
 * arrives, and nothing is read ahead of the client). If the upstream drops mid-way or goes
 * silent, the stream ends with one Gemini-shaped error event, which @google/genai turns into an
 * ApiError, instead of ending as if the answer were complete.
 */
export function passThroughSse(upstream: UpstreamResponse, options: SsePassthroughOptions): ReadableStream<Uint8Array> {
  const body = upstream.response.body;
  if (!body) return new ReadableStream({ start: (c) => c.close() });
  const reader = body.getReader();
  // The last bytes seen, to tell whether the stream stopped between events or inside one.
  let tail: Uint8Array = new Uint8Array(0);
  let sawBytes = false;

  const finishWithError = (controller: ReadableStreamDefaultController<Uint8Array>, kind: 'cut' | 'idle') => {
    if (sawBytes && !endsWithEventBoundary(tail)) controller.enqueue(CRLF2);
    controller.enqueue(errorEvent(options.provider, kind, options.idleTimeoutMs));
    controller.close();
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const idle = new Promise<'idle'>((resolve) => {
          timer = setTimeout(() => resolve('idle'), options.idleTimeoutMs);
        });
        try {
          const result = await Promise.race([reader.read(), idle]);
          if (result === 'idle') {
            upstream.abort(new Error('stream idle timeout'));
            reader.cancel().catch(() => {});
            finishWithError(controller, 'idle');
            return;
          }
          if (result.done) {
            // A clean end in the middle of an event is still a cut.
            if (sawBytes && !endsWithEventBoundary(tail)) finishWithError(controller, 'cut');
            else controller.close();
            return;
          }
          if (result.value.byteLength > 0) {
            sawBytes = true;
            tail = keepTail(tail, result.value);
            controller.enqueue(result.value);
          }
        } catch {
          finishWithError(controller, 'cut');
        } finally {
          if (timer !== undefined) clearTimeout(timer);
        }
      },
      cancel(reason) {
        // The client went away: stop the upstream generation too.
        upstream.abort(reason);
        return reader.cancel(reason).catch(() => {});
      },
    },
    { highWaterMark: 0 },
  );
}

function keepTail(tail: Uint8Array, chunk: Uint8Array): Uint8Array {
  return chunk.length >= 4 ? chunk.slice(-4) : concat(tail, chunk).slice(-4);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** True after "\n\n", "\r\r" or "\r\n\r\n" (the separators Google's parsers accept). */
function endsWithEventBoundary(tail: Uint8Array): boolean {
  const s = String.fromCharCode(...tail);
  return s.endsWith('\n\n') || s.endsWith('\r\r') || s.endsWith('\r\n\r\n');
}

function errorEvent(provider: string, kind: 'cut' | 'idle', idleTimeoutMs: number): Uint8Array {
  const error =
    kind === 'cut'
      ? { code: 502, message: `${provider} stream ended before the answer was complete`, status: 'UNAVAILABLE', reason: 'UPSTREAM_STREAM_CUT' }
      : { code: 504, message: `${provider} sent nothing for ${Math.round(idleTimeoutMs / 1000)} s; stream closed`, status: 'DEADLINE_EXCEEDED', reason: 'UPSTREAM_STREAM_IDLE' };
  const payload = {
    error: {
      code: error.code,
      message: error.message,
      status: error.status,
      details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: error.reason, domain: 'director-edge' }],
    },
  };
  return new TextEncoder().encode(`data: ${JSON.stringify(payload)}\r\n\r\n`);
}
