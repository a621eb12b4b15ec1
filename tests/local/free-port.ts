import net from 'node:net';

/** A TCP port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns a value or the deadline passes (no fixed sleeps in the callers). */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, deadlineMs: number, logs?: () => string): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${deadlineMs} ms${logs ? `\n${logs()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
