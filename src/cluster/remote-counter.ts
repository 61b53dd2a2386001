import type { HitCounter, WindowCount } from '../ratelimit/index.js';
import type { PrimaryChannel } from './primary-channel.js';

/**
 * A worker's hit counters: the primary keeps the one set of counts of the machine, so a
 * throttle, a tier or a lockout's address count is the same whichever worker a request hits.
 */
export class RemoteHitCounter implements HitCounter {
  constructor(private readonly primary: PrimaryChannel) {}
  async hit(key: string, windowMs: number): Promise<WindowCount> {
    return (await this.primary.call({ method: 'hit', key, windowMs })) as WindowCount;
  }
  async peek(key: string, windowMs: number): Promise<WindowCount> {
    return (await this.primary.call({ method: 'peek', key, windowMs })) as WindowCount;
  }
  async reset(key: string): Promise<void> {
    await this.primary.call({ method: 'reset', key });
  }
  async close(): Promise<void> {}
}
