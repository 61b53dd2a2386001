import type { WindowCount } from '../ratelimit/counter.js';
import type { ToWorker } from './messages.js';

/** Keys watched at once, beyond which a worker's peek is answered without a watch (bounded memory). */
export const MAX_WATCHED_KEYS = 50_000;

/**
 * The end of the fixed window a count belongs to (ms since the epoch): the hit counters' windows
 * start at multiples of their length (MemoryHitCounter), so rounding takes out the few
 * milliseconds between the count and this call.
 */
export function windowEndOf(count: WindowCount, windowMs: number, now = Date.now()): number {
  return Math.round((now + count.resetInMs) / windowMs) * windowMs;
}

/**
 * The primary's record of which worker watches which hit-counter key, and until when: a worker
 * that peeked a key with 'watch' keeps its count and answers later peeks itself (a password
 * grant's throttle check then costs no IPC round trip), so the primary tells it every change of
 * that count until the window ends. A change is told to every watcher, and written to their
 * channels, before the call that made it is answered: a client that saw the answer of one worker
 * and then asks another finds the count there already (the throttle stays exact across workers).
 */
export class CountWatchers<W> {
  /** Per key: each watching worker and the end of the window it watches. */
  private readonly byKey = new Map<string, Map<W, number>>();
  /** Changes told so far: each told change carries the next number, each 'watch' answer the last. */
  private told = 0;

  constructor(
    private readonly send: (worker: W, message: ToWorker) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Registers `worker` as watching `key` until `windowEnd`; false when too many keys are watched. */
  watch(worker: W, key: string, windowEnd: number): boolean {
    let watchers = this.byKey.get(key);
    if (!watchers) {
      if (this.byKey.size >= MAX_WATCHED_KEYS) this.sweep();
      if (this.byKey.size >= MAX_WATCHED_KEYS) return false;
      this.byKey.set(key, (watchers = new Map()));
    }
    watchers.set(worker, windowEnd);
    return true;
  }

  /**
   * Tells every worker watching `key` its count in the window ending at `windowEnd` (0 and 0:
   * the key was reset); resolves once every message is written to its channel.
   */
  async tell(key: string, windowEnd: number, count: number): Promise<void> {
    const watchers = this.byKey.get(key);
    if (!watchers) return;
    const t = this.now();
    const sent: Array<Promise<void>> = [];
    const version = ++this.told;
    for (const [worker, end] of watchers) {
      if (end <= t) watchers.delete(worker);
      else sent.push(this.send(worker, { tg: 'count', key, windowEnd, count, version }));
    }
    if (watchers.size === 0) this.byKey.delete(key);
    await Promise.all(sent);
  }

  /** A worker that exited watches nothing. */
  forget(worker: W): void {
    for (const [key, watchers] of this.byKey)
      if (watchers.delete(worker) && watchers.size === 0) this.byKey.delete(key);
  }

  /** The number of the last change told, for a 'watch' answer. */
  get version(): number {
    return this.told;
  }

  get size(): number {
    return this.byKey.size;
  }

  private sweep(): void {
    const t = this.now();
    for (const [key, watchers] of this.byKey) {
      for (const [worker, end] of watchers) if (end <= t) watchers.delete(worker);
      if (watchers.size === 0) this.byKey.delete(key);
    }
  }
}
