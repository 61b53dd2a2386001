/**
 * Fixed-window hit counters: the one primitive behind the Gateway's throttling tiers and the
 * Token API's per-IP and spraying throttles. In memory for one node; an implementation over
 * Redis lets several nodes share the counts.
 */
export interface WindowCount {
  /** Hits in the current window, this one included. */
  readonly count: number;
  /** Milliseconds until the window ends and the count starts again from zero. */
  readonly resetInMs: number;
}

export interface HitCounter {
  /** Counts one hit on `key` in the window of `windowMs` that contains now. */
  hit(key: string, windowMs: number): Promise<WindowCount>;
  /** The current count without adding a hit. */
  peek(key: string, windowMs: number): Promise<WindowCount>;
  /** Forgets a key (an admin unlock, a successful login). */
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}
