/**
 * Runs async tasks one after another. Decoding is heavy (the machine may have two cores) and a
 * project can hold dozens of assets: one at a time keeps the page responsive.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
