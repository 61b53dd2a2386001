import { Piscina } from 'piscina';
import type { HashingConfig } from '../config/index.js';
import { ClientGoneError } from '../http/connection-gone.js';
import type { HashTask } from './hash-worker.js';

/** Raised when the bounded hashing queue is full: answered 503 + Retry-After (R55). */
export class HashingOverloadedError extends Error {
  override readonly name = 'HashingOverloadedError';
  readonly status = 503;
  readonly expose = true;
  readonly headers = { 'retry-after': '1' };
  constructor() {
    super('Too many sign-in attempts are in progress; retry shortly.');
  }
}

/**
 * True once the client of a request can no longer receive its answer: a check that waited for
 * its slot is then dropped instead of hashed (ClientGoneError).
 */
export type Gone = () => boolean;

/** Tasks a hashing thread holds at once: the one it computes and the next. */
const LOOKAHEAD = 2;

export interface HashLoad {
  readonly active: number;
  readonly queued: number;
}

/**
 * Where password hashes run: this process's bounded thread pool, or, in a worker of
 * `tollgate start` with several workers, the primary's one pool for the whole machine
 * (compose/cluster/), so the bound and the shedding are the machine's, not each worker's.
 */
export interface HashRunner {
  /**
   * Runs a task, or rejects with HashingOverloadedError at once when the pool is full, or with
   * ClientGoneError, without hashing, when `gone` says its client left before its turn.
   */
  run<T extends string | boolean>(task: HashTask, gone?: Gone): Promise<T>;
  /** True when a new task would be refused: every slot busy and the queue full (R55). */
  readonly saturated: boolean;
  readonly load: HashLoad;
  close(): Promise<void>;
}

/**
 * Argon2id (R48) in worker threads, never on the event loop, with at most `maxConcurrent`
 * hashes running and `maxQueued` waiting; beyond that a task is refused at once instead of
 * queueing without bound (R55). The threads run at a lower CPU priority (`nice`), so during
 * a login flood the event loop (refresh, introspection, the Gateway) still gets a core
 * whenever it has work, while hashing takes all the CPU left over.
 *
 * Each thread is handed its next task while it still computes the current one (up to
 * LOOKAHEAD tasks a thread, taken from the waiting ones, never beyond the bound): when a hash
 * ends, the thread starts the next at once instead of idling until the event loop, which may
 * be busy answering a burst of shed requests, gets round to giving it one.
 */
export class LocalHashPool implements HashRunner {
  /** Tasks handed to the threads (running, or next in a thread's own queue). */
  private posted = 0;
  private readonly waiting: Array<() => void> = [];
  private pool: Piscina | undefined;
  /** Tasks held at once, running or waiting: the bound (R55). */
  private readonly capacity: number;
  /** Tasks handed to the threads at once: LOOKAHEAD each, within the bound. */
  private readonly postable: number;

  /** `onLoad` hears every change of the load (a cluster primary tells its workers). */
  constructor(
    private readonly cfg: HashingConfig,
    private readonly onLoad?: (load: HashLoad, saturated: boolean) => void,
  ) {
    this.capacity = cfg.maxConcurrent + cfg.maxQueued;
    this.postable = Math.min(cfg.maxConcurrent * LOOKAHEAD, this.capacity);
  }

  /** Threads start at the first hash; idle ones end after a minute so an idle server stays small. */
  run<T extends string | boolean>(task: HashTask, gone?: Gone): Promise<T> {
    return this.gated(gone, () => {
      this.pool ??= new Piscina({
        filename: new URL('./hash-worker.js', import.meta.url).href,
        minThreads: 0,
        maxThreads: this.cfg.maxConcurrent,
        concurrentTasksPerWorker: LOOKAHEAD,
        idleTimeout: 60_000,
        niceIncrement: this.cfg.nice,
      });
      return this.pool.run(task) as Promise<T>;
    });
  }

  get saturated(): boolean {
    return this.posted + this.waiting.length >= this.capacity;
  }

  /** A task handed to a thread behind its running one counts as queued. */
  get load(): HashLoad {
    const active = Math.min(this.posted, this.cfg.maxConcurrent);
    return { active, queued: this.posted - active + this.waiting.length };
  }

  /** Ends the threads (at shutdown, and for the CLI's one-shot commands). */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }

  private changed(): void {
    this.onLoad?.(this.load, this.saturated);
  }

  private async gated<T>(gone: Gone | undefined, work: () => Promise<T>): Promise<T> {
    if (gone?.()) throw new ClientGoneError();
    if (this.saturated) throw new HashingOverloadedError();
    if (this.posted >= this.postable) {
      const turn = new Promise<void>((resolve) => this.waiting.push(resolve));
      this.changed();
      await turn;
    } else {
      this.posted++;
      this.changed();
    }
    try {
      // A check that waited for its turn is skipped if its client left meanwhile (wrk ending a
      // run, a client giving up on a timeout): during a flood those hashes are wasted work.
      if (gone?.()) throw new ClientGoneError();
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.posted--;
      this.changed();
    }
  }
}
