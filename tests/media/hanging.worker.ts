/** Test double for the supervisor: a worker that can be told to stop answering or to crash. */
import * as Comlink from 'comlink';

Comlink.expose({
  ping: () => 'pong',
  /** Blocks the worker's thread: no message is answered until it ends. */
  spin(ms: number) {
    const end = performance.now() + ms;
    while (performance.now() < end) {
      /* busy */
    }
    return 'done';
  },
  crash() {
    setTimeout(() => {
      throw new Error('deliberate crash outside a call');
    });
    return new Promise(() => undefined);
  },
});
