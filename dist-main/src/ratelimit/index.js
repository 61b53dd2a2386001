export { MemoryHitCounter } from './memory-counter.js';
/** The Redis counter, loaded only when [redis] url is set (ioredis costs ~50 ms and ~9 MB at start). */
export async function createRedisHitCounter(opts) {
    const redis = await import('./redis-counter.js');
    return new redis.RedisHitCounter(opts);
}
//# sourceMappingURL=index.js.map