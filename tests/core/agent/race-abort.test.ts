import { describe, expect, it } from 'vitest';
import { raceAbort } from '../../../src/core/agent/loop/race-abort';
import { TurnCancelledError } from '../../../src/core/agent/loop/guarded-workspace';

/** Unhandled rejections seen while `run` settles (vitest would also fail the run on one). */
async function unhandledDuring(run: () => Promise<unknown>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const onUnhandled = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    await run();
    // Unhandled rejections are reported after the microtask queue drains.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  return seen;
}

describe('raceAbort', () => {
  it('cancels at once when the signal is already aborted, and the work’s own rejection is not left unhandled', async () => {
    const controller = new AbortController();
    controller.abort();
    const seen = await unhandledDuring(async () => {
      const work = Promise.reject(new Error('cancelled before the request'));
      await expect(raceAbort(work, controller.signal)).rejects.toBeInstanceOf(TurnCancelledError);
    });
    expect(seen).toEqual([]);
  });

  it('cancels when the signal aborts first, and passes the work’s result otherwise', async () => {
    const controller = new AbortController();
    const pending = raceAbort(new Promise(() => {}), controller.signal);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(TurnCancelledError);
    expect(await raceAbort(Promise.resolve(7), new AbortController().signal)).toBe(7);
  });
});
