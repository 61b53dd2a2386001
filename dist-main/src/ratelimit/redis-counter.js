import { Redis } from 'ioredis';
// One hash per key, one field per window ("<windowMs>:<windowStart>"): a new window deletes
// the older fields, the hash expires when its window ends, and reset() is one DEL. Atomic on
// the Redis side, so every node counts into the same window.
const SCRIPT = `
local n
if ARGV[3] == '1' then
  n = redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
  if n == 1 then
    for _, f in ipairs(redis.call('HKEYS', KEYS[1])) do
      if f ~= ARGV[1] then redis.call('HDEL', KEYS[1], f) end
    end
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
  end
else
  n = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
end
return n`;
/** Fixed-window counters in Redis, shared by several nodes (windows aligned on the epoch, like MemoryHitCounter). */
export class RedisHitCounter {
    redis;
    now;
    constructor(opts) {
        this.now = opts.now ?? Date.now;
        this.redis = new Redis(opts.url, {
            keyPrefix: opts.keyPrefix,
            lazyConnect: false,
            enableOfflineQueue: false,
            maxRetriesPerRequest: 1,
            commandTimeout: opts.commandTimeoutMs ?? 500,
            connectTimeout: 2000,
        });
        this.redis.on('error', () => {
            /* reconnects by itself; callers see failed commands */
        });
        this.redis.defineCommand('tgCount', { numberOfKeys: 1, lua: SCRIPT });
    }
    async count(key, windowMs, add) {
        const t = this.now();
        const windowStart = t - (t % windowMs);
        const resetInMs = windowStart + windowMs - t;
        const count = await this.redis.tgCount(key, `${windowMs}:${windowStart}`, Math.max(1, resetInMs), add);
        return { count: Number(count), resetInMs };
    }
    hit(key, windowMs) {
        return this.count(key, windowMs, '1');
    }
    peek(key, windowMs) {
        return this.count(key, windowMs, '0');
    }
    async reset(key) {
        await this.redis.del(key);
    }
    /** Resolves once connected (start-up checks, tests). */
    async ready() {
        if (this.redis.status === 'ready')
            return;
        await new Promise((resolve, reject) => {
            this.redis.once('ready', () => resolve());
            this.redis.once('end', () => reject(new Error('Redis connection ended')));
        });
    }
    async close() {
        this.redis.disconnect();
    }
}
//# sourceMappingURL=redis-counter.js.map