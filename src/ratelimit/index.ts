import type { RedisHitCounter, RedisHitCounterOptions } from './redis-counter.js';

export type { HitCounter, WindowCount } from './counter.js';
export { MemoryHitCounter } from './memory-counter.js';
export type { RedisHitCounter, RedisHitCounterOptions };

/** The Redis counter, loaded only when [redis] url is set (ioredis costs ~50 ms and ~9 MB at start). */
export async function createRedisHitCounter(
  opts: RedisHitCounterOptions,
): Promise<RedisHitCounter> {
  const redis = await import('./redis-counter.js');
  return new redis.RedisHitCounter(opts);
}
