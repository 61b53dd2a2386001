import { ClientGoneError } from '../http/connection-gone.js';
import { HashingOverloadedError, type Gone, type HashLoad } from '../identity/hash-pool.js';
import {
  GONE,
  isMessage,
  OVERLOADED,
  type Call,
  type NumberedCall,
  type ToPrimary,
  type ToWorker,
} from './messages.js';

/** A watched key's new count in the window ending at `windowEnd` (0: the key was reset), and the change's number. */
export type CountListener = (
  key: string,
  windowEnd: number,
  count: number,
  version: number,
) => void;

/** How often a worker looks whether the clients of its pending hash calls are still there. */
const CANCEL_SWEEP_MS = 100;

/** A worker's end of the IPC channel: calls answered by the primary, and the pool's load it announces. */
export class PrimaryChannel {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  /** Pending calls that may be cancelled once their client has gone, and the sweep that looks. */
  private readonly cancellable = new Map<number, Gone>();
  private sweep: NodeJS.Timeout | undefined;
  /** The primary's hashing pool as last announced. */
  hashLoad: HashLoad = { active: 0, queued: 0 };
  hashSaturated = false;
  private onStop: (() => void) | undefined;
  private onCount: CountListener | undefined;
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
          this.cancellable.delete(r.id);
          if (r.error === undefined) p.resolve(r.value);
          else if (r.error === OVERLOADED) p.reject(new HashingOverloadedError());
          else if (r.error === GONE) p.reject(new ClientGoneError());
          else p.reject(new Error(r.error));
        }
      } else if (m.tg === 'count') {
        this.onCount?.(m.key, m.windowEnd, m.count, m.version);
      } else if (m.tg === 'hash-load') {
        this.hashLoad = m.load;
        this.hashSaturated = m.saturated;
      } else if (m.tg === 'stop') this.onStop?.();
    });
    // The primary is gone: nothing can be hashed or counted any more.
    process.on('disconnect', () => {
      for (const p of this.pending.values()) p.reject(new Error('the primary process is gone'));
      this.pending.clear();
      this.cancellable.clear();
      clearInterval(this.sweep);
      this.onStop?.();
    });
  }

  /**
   * `gone`: while the call is pending, every CANCEL_SWEEP_MS the primary is told when its
   * client has left, so a hash still waiting for its turn there is dropped.
   */
  call(call: Call, gone?: Gone): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      if (gone) {
        this.cancellable.set(id, gone);
        this.sweep ??= setInterval(() => this.cancelGone(), CANCEL_SWEEP_MS).unref();
      }
      this.outbox.push({ id, ...call });
      if (this.outbox.length === 1) setImmediate(() => this.flush());
    });
  }

  private cancelGone(): void {
    const ids: number[] = [];
    for (const [id, gone] of this.cancellable)
      if (gone()) {
        ids.push(id);
        this.cancellable.delete(id);
      }
    if (this.cancellable.size === 0) {
      clearInterval(this.sweep);
      this.sweep = undefined;
    }
    if (ids.length > 0) this.send({ tg: 'cancel', ids });
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

  /** Called with each change of a hit-counter key this worker watches (RemoteHitCounter). */
  counts(listener: CountListener): void {
    this.onCount = listener;
  }

  /** Called when the primary asks this worker to stop (SIGTERM to the primary) or is gone. */
  stopping(handler: () => void): void {
    this.onStop = handler;
  }
}
