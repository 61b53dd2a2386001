import type { ApiError } from '../../http/api-error.js';
import type { HitCounter } from '../../ratelimit/index.js';

const MINUTE = 60_000;

/** Counts one hit on `key` in the current minute; throws `fault(Retry-After seconds)` when it is over `limit`. */
export async function refuseOverLimit(
  counter: HitCounter,
  key: string,
  limit: number,
  fault: (retryAfterS: number) => ApiError,
): Promise<void> {
  const w = await counter.hit(key, MINUTE);
  if (w.count > limit) throw fault(Math.max(1, Math.ceil(w.resetInMs / 1000)));
}
