import { describe, expect, it } from 'vitest';
import { TimeoutError, withTimeout } from '../../../src/core/util/with-timeout';

describe('withTimeout', () => {
  it('passes the answer or the failure through when it comes in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 50)).resolves.toBe(7);
    await expect(withTimeout(Promise.reject(new Error('boom')), 50)).rejects.toThrow('boom');
  });

  it('rejects with a TimeoutError carrying the message when nothing answers', async () => {
    const never = new Promise<number>(() => {});
    const error = await withTimeout(never, 20, 'The preview did not answer').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe('The preview did not answer');
  });
});
