/**
 * Runs tasks first-in first-out with at most `slots` at a time: renders keep every core busy,
 * so starting more than the core budget allows only makes each one slower.
 */
export class RunQueue<T> {
  private readonly waiting: Array<{ item: T; run: () => Promise<void> }> = [];
  private active = 0;

  constructor(private readonly slots: number) {}

  push(item: T, run: () => Promise<void>): void {
    this.waiting.push({ item, run });
    this.pump();
  }

  /** Drops a task that has not started; false when it is running or unknown. */
  remove(item: T): boolean {
    const index = this.waiting.findIndex((w) => w.item === item);
    if (index < 0) return false;
    this.waiting.splice(index, 1);
    return true;
  }

  get pending(): number {
    return this.waiting.length;
  }

  get running(): number {
    return this.active;
  }

  private pump(): void {
    while (this.active < this.slots && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      this.active += 1;
      void next
        .run()
        .catch(() => undefined) // each task reports its own failure on its job
        .finally(() => {
          this.active -= 1;
          this.pump();
        });
    }
  }
}
