import { ClientGoneError } from '../http/connection-gone.js';
import type { Gone, HashLoad, HashRunner } from '../identity/hash-pool.js';
import type { HashTask } from '../identity/hash-worker.js';
import type { PrimaryChannel } from './primary-channel.js';

/**
 * A worker's password hashing: every task runs in the primary's one pool, sized for the
 * machine; the primary admits it or refuses it (HashingOverloadedError, 503) against the
 * machine's bound, whichever worker asked.
 */
export class RemoteHashRunner implements HashRunner {
  constructor(private readonly primary: PrimaryChannel) {}
  /** A client already gone is not sent; one that leaves while its check waits is cancelled. */
  async run<T extends string | boolean>(task: HashTask, gone?: Gone): Promise<T> {
    if (gone?.()) throw new ClientGoneError();
    return (await this.primary.call({ method: 'hash', task }, gone)) as T;
  }
  /** As last announced by the primary: lets a flood be shed before any lookup; the primary still decides. */
  get saturated(): boolean {
    return this.primary.hashSaturated;
  }
  get load(): HashLoad {
    return this.primary.hashLoad;
  }
  async close(): Promise<void> {}
}
