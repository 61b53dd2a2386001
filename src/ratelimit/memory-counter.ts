import type { HitCounter, WindowCount } from './counter.js';

interface Entry {
  windowStart: number;
  count: number;
}

/** Counters for a single node. Expired windows are swept so memory stays bounded by live keys. */
export class MemoryHitCounter implements HitCounter {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly now: () => number = Date.now,
    sweepEveryMs = 60_000,
    private readonly maxWindowMs = 3_600_000,
  ) {
    this.sweeper = setInterval(() => this.sweep(), sweepEveryMs);
    this.sweeper.unref();
  }

  private current(key: string, windowMs: number, add: number): WindowCount {
    const t = this.now();
    const windowStart = t - (t % windowMs);
    let e = this.entries.get(key);
    if (!e || e.windowStart !== windowStart) {
      e = { windowStart, count: 0 };
      if (add > 0) this.entries.set(key, e);
    }
    e.count += add;
    return { count: e.count, resetInMs: windowStart + windowMs - t };
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    return this.current(key, windowMs, 1);
  }

  async peek(key: string, windowMs: number): Promise<WindowCount> {
    return this.current(key, windowMs, 0);
  }

  async reset(key: string): Promise<void> {
    this.entries.delete(key);
  }

  private sweep(): void {
    const oldest = this.now() - this.maxWindowMs;
    for (const [k, e] of this.entries) if (e.windowStart < oldest) this.entries.delete(k);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.entries.clear();
  }
}
