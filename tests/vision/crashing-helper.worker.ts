/**
 * A vision helper that loads, then crashes on its first job (an uncaught error, and no answer):
 * the vision worker must finish the photo itself and go on without it. Tells the harness what
 * happened over a BroadcastChannel.
 */
import * as Comlink from 'comlink';

const channel = new BroadcastChannel('vision-test-helper');

function crash(job: string): Promise<never> {
  channel.postMessage(job);
  setTimeout(() => {
    throw new Error(`test helper crashed in ${job}`);
  });
  return new Promise<never>(() => {});
}

Comlink.expose({
  async init() {
    channel.postMessage('ready');
  },
  passes: () => crash('passes'),
  embed: () => crash('embed'),
});
