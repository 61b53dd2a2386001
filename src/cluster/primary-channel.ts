import { HashingOverloadedError, type HashLoad } from '../identity/hash-pool.js';
import {
  isMessage,
  OVERLOADED,
  type Call,
  type NumberedCall,
  type ToPrimary,
  type ToWorker,
} from './messages.js';

/** A worker's end of the IPC channel: calls answered by the primary, and the pool's load it announces. */
export class PrimaryChannel {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  /** The primary's hashing pool as last announced. */
  hashLoad: HashLoad = { active: 0, queued: 0 };
  hashSaturated = false;
  private onStop: (() => void) | undefined;
  /** Calls made in this event-loop turn, sent together at its end. */
  private outbox: NumberedCall[] = [];

  constructor() {
    process.on('message', (m: unknown) => {
      if (!isMessage<ToWorker>(m)) return;
      if (m.tg === 'replies') {
        for (const r of m.replies) {
          const p = this.pending.get(r.id);
          if (!p) continue;
          this.pending.delete(r.id);
          if (r.error === undefined) p.resolve(r.value);
          else p.reject(r.error === OVERLOADED ? new HashingOverloadedError() : new Error(r.error));
        }
      } else if (m.tg === 'hash-load') {
        this.hashLoad = m.load;
        this.hashSaturated = m.saturated;
      } else if (m.tg === 'stop') this.onStop?.();
    });
    // The primary is gone: nothing can be hashed or counted any more.
    process.on('disconnect', () => {
      for (const p of this.pending.values()) p.reject(new Error('the primary process is gone'));
      this.pending.clear();
      this.onStop?.();
    });
  }

  call(call: Call): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.outbox.push({ id, ...call });
      if (this.outbox.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const calls = this.outbox;
    this.outbox = [];
    this.send({ tg: 'calls', calls }, (err) => {
      if (!err) return;
      for (const { id } of calls) {
        const p = this.pending.get(id);
        this.pending.delete(id);
        p?.reject(err);
      }
    });
  }

  send(message: ToPrimary, done?: (err: Error | null) => void): void {
    if (!process.send || !process.connected) {
      done?.(new Error('the primary process is gone'));
      return;
    }
    process.send(message, undefined, undefined, (err: Error | null) => done?.(err));
  }

  /** Called when the primary asks this worker to stop (SIGTERM to the primary) or is gone. */
  stopping(handler: () => void): void {
    this.onStop = handler;
  }
}
