export type { HitCounter, WindowCount } from './counter.js';
export { MemoryHitCounter } from './memory-counter.js';
export type { RedisHitCounter, RedisHitCounterOptions } from './redis-counter.js';

/** The Redis counter, loaded only when [redis] url is set (ioredis costs ~50 ms and ~9 MB at start). */
export async function createRedisHitCounter(opts: import('./redis-counter.js').RedisHitCounterOptions): Promise<import('./redis-counter.js').RedisHitCounter> {
  const { RedisHitCounter } = await import('./redis-counter.js');
  return new RedisHitCounter(opts);
}
