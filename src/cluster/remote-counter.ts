import type { HitCounter, WindowCount } from '../ratelimit/counter.js';
import type { Watched } from './messages.js';
import type { PrimaryChannel } from './primary-channel.js';

/** Keys whose counts a worker keeps at once; past that, a peek of another key asks the primary. */
export const MAX_KEPT_KEYS = 10_000;

interface Count {
  /** The end of the count's window, ms since the epoch; 0 in a told reset. */
  readonly windowEnd: number;
  readonly count: number;
  /** The primary's number of the change (CountWatchers): the higher is the newer. */
  readonly version: number;
}

/**
 * A worker's hit counters: the primary keeps the one set of counts of the machine, so a
 * throttle, a tier or a lockout's address count is the same whichever worker a request hits.
 *
 * A key this worker peeks (the Token API's throttle check, before every password or client
 * secret is checked) is watched: the primary answers the first peek with the count and tells
 * this worker every change of it until its window ends, before the call that made the change is
 * answered (CountWatchers), so the next peeks are answered here, without an IPC round trip (a
 * message and a wakeup of each process each way). A local answer waits for the end of the event
 * loop's turn, so that a change the primary wrote before the request arrived, read in the same
 * turn, is applied first.
 */
export class RemoteHitCounter implements HitCounter {
  private readonly kept = new Map<string, Count & { readonly windowMs: number }>();
  /** Keys with 'watch' calls in flight: how many, and the newest change told meanwhile. */
  private readonly watching = new Map<string, { calls: number; told?: Count }>();

  constructor(
    private readonly primary: Pick<PrimaryChannel, 'call' | 'counts'>,
    private readonly now: () => number = Date.now,
  ) {
    primary.counts((key, windowEnd, count, version) => {
      const k = this.kept.get(key);
      if (k && version > k.version && (windowEnd === 0 || windowEnd === k.windowEnd))
        this.kept.set(key, { ...k, count, version });
      const w = this.watching.get(key);
      if (w && (!w.told || version > w.told.version)) w.told = { windowEnd, count, version };
    });
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    return (await this.primary.call({ method: 'hit', key, windowMs })) as WindowCount;
  }

  async peek(key: string, windowMs: number): Promise<WindowCount> {
    if (this.fresh(key, windowMs)) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const k = this.fresh(key, windowMs);
      if (k) return { count: k.count, resetInMs: k.windowEnd - this.now() };
    }
    return this.watch(key, windowMs);
  }

  async reset(key: string): Promise<void> {
    await this.primary.call({ method: 'reset', key });
  }

  async close(): Promise<void> {
    this.kept.clear();
  }

  private async watch(key: string, windowMs: number): Promise<WindowCount> {
    let w = this.watching.get(key);
    if (!w) this.watching.set(key, (w = { calls: 0 }));
    w.calls++;
    let answer: Watched;
    try {
      answer = (await this.primary.call({ method: 'watch', key, windowMs })) as Watched;
    } finally {
      if (--w.calls === 0) this.watching.delete(key);
    }
    // A change told after the answer was sent but read before it was handled is newer.
    const told = w.told;
    const newer =
      told &&
      told.version > answer.version &&
      (told.windowEnd === 0 || told.windowEnd === answer.windowEnd);
    const now: Count = {
      windowEnd: answer.windowEnd,
      count: newer ? told.count : answer.count,
      version: newer ? told.version : answer.version,
    };
    const k = this.kept.get(key);
    if (answer.watched && !(k && k.windowEnd === now.windowEnd && k.version >= now.version)) {
      if (this.kept.size >= MAX_KEPT_KEYS) this.sweep();
      if (this.kept.size < MAX_KEPT_KEYS) this.kept.set(key, { ...now, windowMs });
    }
    return { count: now.count, resetInMs: Math.max(0, now.windowEnd - this.now()) };
  }

  /** The kept count of `key` if its window has not ended. */
  private fresh(key: string, windowMs: number) {
    const k = this.kept.get(key);
    if (k && k.windowMs === windowMs && this.now() < k.windowEnd) return k;
    if (k) this.kept.delete(key);
    return undefined;
  }

  private sweep(): void {
    const t = this.now();
    for (const [key, k] of this.kept) if (k.windowEnd <= t) this.kept.delete(key);
  }
}
