import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config/index.js';
import { ClientGoneError } from '../http/connection-gone.js';
import { HashingOverloadedError, LocalHashPool, type HashLoad } from '../identity/hash-pool.js';
import type { HitCounter } from '../ratelimit/counter.js';
import { MemoryHitCounter } from '../ratelimit/memory-counter.js';
import { CountWatchers, windowEndOf } from './count-watchers.js';
import {
  GONE,
  isMessage,
  OVERLOADED,
  type NumberedCall,
  type Reply,
  type ToPrimary,
  type ToWorker,
  type Watched,
} from './messages.js';

export interface PrimaryOptions {
  readonly config: Config;
  readonly workers: number;
  /** Operator messages (a worker replaced, a worker that did not stop). */
  readonly warn: (line: string) => void;
}

export interface RunningPrimary {
  /** Every worker's URLs are the same: the first worker's. */
  readonly urls: Record<string, string>;
  /** Asks every worker to finish its in-flight requests and stop, then ends the pool. */
  stop(): Promise<void>;
}

/** A worker that dies this soon after starting is replaced only after a pause (a crash loop). */
const QUICK_DEATH_MS = 5000;

/** The pool's load (the workers' hashing metrics) is announced at most this often. */
const LOAD_EVERY_MS = 100;

/**
 * Tells the workers the pool's load: a change of `saturated` at once (a worker sheds by it
 * before any lookup, R55, and takes checks again as soon as a slot is free), any other change
 * at most every LOAD_EVERY_MS, with the latest figures. Every announcement is a pipe write
 * and a wakeup per worker; at each check's start and end they were 4 of the 6 IPC messages
 * of a password grant on 2 workers, and took the core from the hashing threads.
 */
function loadAnnouncer(send: (load: HashLoad, saturated: boolean) => void) {
  let announced = false;
  let latest: { load: HashLoad; saturated: boolean } = {
    load: { active: 0, queued: 0 },
    saturated: false,
  };
  let timer: NodeJS.Timeout | undefined;
  const announce = () => {
    clearTimeout(timer);
    timer = undefined;
    announced = latest.saturated;
    send(latest.load, latest.saturated);
  };
  return (load: HashLoad, saturated: boolean) => {
    latest = { load, saturated };
    if (saturated !== announced) announce();
    else timer ??= setTimeout(announce, LOAD_EVERY_MS).unref();
  };
}

/**
 * The primary process of `tollgate start` with several workers (node:cluster): it forks the
 * workers, which share the ports and run the servers, and keeps what must be one per machine:
 * the password-hashing pool (sized for the machine's cores, one bound for shedding) and, unless
 * [redis] url shares them already, the hit counters of the throttles and tiers. It loads no
 * HTTP framework and no database. The first worker starts alone (it creates what a first start
 * creates: database schema, TLS certificate, administrator, signing keys), then the others.
 */
export async function runPrimary(opts: PrimaryOptions): Promise<RunningPrimary> {
  const { config } = opts;
  const live = new Set<Worker>();
  const broadcast = (m: ToWorker) => {
    for (const w of live) if (w.isConnected()) w.send(m);
  };
  const pool = new LocalHashPool(
    config.identity.hashing,
    loadAnnouncer((load, saturated) => broadcast({ tg: 'hash-load', load, saturated })),
  );
  const counter: HitCounter | undefined = config.redis.url ? undefined : new MemoryHitCounter();
  let stopping = false;
  const watchers = new CountWatchers<Worker>(
    (w, m) =>
      new Promise<void>((resolve) => {
        if (!w.isConnected()) return resolve();
        w.send(m, undefined, () => resolve());
      }),
  );

  /** Replies ready in this event-loop turn, per worker, sent together at its end. */
  const outboxes = new Map<Worker, Reply[]>();
  const reply = (w: Worker, r: Reply) => {
    const queued = outboxes.get(w);
    if (queued) return void queued.push(r);
    outboxes.set(w, [r]);
    setImmediate(() => {
      const replies = outboxes.get(w)!;
      outboxes.delete(w);
      if (w.isConnected()) w.send({ tg: 'replies', replies } satisfies ToWorker);
    });
  };

  /** Per worker: its hash calls not answered yet, and those of them it cancelled. */
  const hashing = new Map<Worker, { pending: Set<number>; cancelled: Set<number> }>();
  const hashCalls = (w: Worker) => {
    let h = hashing.get(w);
    if (!h) hashing.set(w, (h = { pending: new Set(), cancelled: new Set() }));
    return h;
  };

  const answer = async (w: Worker, m: NumberedCall) => {
    try {
      let value: unknown;
      if (m.method === 'hash') {
        const h = hashCalls(w);
        h.pending.add(m.id);
        try {
          value = await pool.run(m.task, () => h.cancelled.has(m.id));
        } finally {
          h.pending.delete(m.id);
          h.cancelled.delete(m.id);
        }
      } else if (!counter) throw new Error('hit counters are in Redis');
      else if (m.method === 'reset') {
        value = await counter.reset(m.key);
        await watchers.tell(m.key, 0, 0);
      } else if (m.method === 'watch') {
        const now = await counter.peek(m.key, m.windowMs);
        const windowEnd = windowEndOf(now, m.windowMs);
        const watched = watchers.watch(w, m.key, windowEnd);
        // Sent at once, not with this turn's replies: the changes told to the worker from now
        // on must reach it after the count they change.
        const watch: Watched = { count: now.count, windowEnd, watched, version: watchers.version };
        const answer: Reply = { id: m.id, value: watch };
        if (w.isConnected()) w.send({ tg: 'replies', replies: [answer] } satisfies ToWorker);
        return;
      } else {
        const now = await counter[m.method](m.key, m.windowMs);
        // Watchers hear of a hit before its caller does (CountWatchers).
        if (m.method === 'hit') await watchers.tell(m.key, windowEndOf(now, m.windowMs), now.count);
        value = now;
      }
      reply(w, { id: m.id, value });
    } catch (err) {
      const error =
        err instanceof HashingOverloadedError
          ? OVERLOADED
          : err instanceof ClientGoneError
            ? GONE
            : String(err);
      reply(w, { id: m.id, error });
    }
  };

  /** Forks a worker; resolves with its URLs once it serves, rejects if it exits first. */
  const fork = () =>
    new Promise<Record<string, string>>((resolve, reject) => {
      const w = cluster.fork();
      const born = Date.now();
      let ready = false;
      live.add(w);
      w.on('message', (m: unknown) => {
        if (!isMessage<ToPrimary>(m)) return;
        if (m.tg === 'calls') for (const call of m.calls) void answer(w, call);
        else if (m.tg === 'cancel') {
          const h = hashCalls(w);
          for (const id of m.ids) if (h.pending.has(id)) h.cancelled.add(id);
        } else if (m.tg === 'ready') {
          ready = true;
          w.send({ tg: 'hash-load', load: pool.load, saturated: pool.saturated });
          resolve(m.urls);
        }
      });
      w.on('exit', (code, signal) => {
        live.delete(w);
        hashing.delete(w);
        watchers.forget(w);
        if (!ready) reject(new Error(`a worker exited before it was ready (${code ?? signal})`));
        if (stopping || !ready) return;
        opts.warn(`worker ${w.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
        const delay = Date.now() - born < QUICK_DEATH_MS ? 1000 : 0;
        setTimeout(() => {
          if (!stopping) fork().catch((err) => opts.warn(`replacing a worker failed: ${err}`));
        }, delay);
      });
    });

  const stopWorkers = async () => {
    stopping = true;
    const exits = [...live].map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.isDead()) return resolve();
          w.once('exit', () => resolve());
          if (w.isConnected()) w.send({ tg: 'stop' });
          else w.process.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
    await pool.close();
    await counter?.close();
  };

  try {
    const urls = await fork();
    await Promise.all(Array.from({ length: opts.workers - 1 }, () => fork()));
    return { urls, stop: stopWorkers };
  } catch (err) {
    await stopWorkers();
    throw err;
  }
}
