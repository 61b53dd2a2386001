export type { HitCounter, WindowCount } from './counter.js';
export { MemoryHitCounter } from './memory-counter.js';
export { RedisHitCounter, type RedisHitCounterOptions } from './redis-counter.js';
