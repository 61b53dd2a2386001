import type SQLite from 'better-sqlite3';
import { isBusy, retryBusy } from './sqlite-writers.js';

interface Waiting {
  readonly run: () => unknown;
  readonly again: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Read transactions shared by the hot reads of the requests that arrive in one turn of the
 * event loop. Each SQLite read outside a transaction takes and drops a WAL read lock (two
 * fcntl system calls), and a transaction per request costs BEGIN, COMMIT and the kept rows'
 * check: three statements beside the one token lookup of an introspection.
 *
 * A request's first read waits for the next check phase (setImmediate), where ONE snapshot
 * is opened for every read queued until then, as PostgreSQL's token lookups of one turn share
 * one statement (postgres-hot-path.ts): the snapshot is opened after each of those requests
 * arrived, so each sees every commit made before it arrived (another worker's revocation).
 * `onOpen` runs first in it (the kept rows' row_changes check). The reads a request makes
 * after its first one (the token, its family, the user), in the microtasks that the answer
 * wakes, run in the same snapshot at once.
 *
 * The snapshot is closed once the microtasks of the callback that opened it have run
 * (queueMicrotask, then process.nextTick: ticks queued by a microtask run only after the
 * microtask queue is empty), so it never outlives the check-phase callback: a request that
 * arrives later is read in a later snapshot. A write on this connection closes it first, and
 * so does every statement of the process's other connection (database.ts); a read after that
 * waits for the next snapshot.
 */
export function readSnapshots(conn: SQLite.Database, onOpen: () => void) {
  const begin = conn.prepare('begin');
  const commit = conn.prepare('commit');
  let open = false;
  let waiting: Waiting[] = [];
  let scheduled = false;

  const close = (): void => {
    if (!open) return;
    open = false;
    if (conn.open && conn.inTransaction) commit.run();
  };
  const closeAfterTicks = () => process.nextTick(close);

  /** Runs `run` in the open snapshot, opening one first if needed (only from the check phase). */
  function inSnapshot<T>(run: () => T): T {
    if (!open && !conn.inTransaction) {
      begin.run();
      open = true;
      queueMicrotask(closeAfterTicks);
      onOpen();
    }
    return run();
  }

  const inTransaction = () => conn.inTransaction;
  /**
   * A read that failed ends the snapshot. SQLITE_BUSY (another process recovering the WAL) is
   * tried again with `again`, outside a transaction, without blocking the event loop.
   */
  function failed<T>(err: unknown, again: () => T): Promise<T> {
    close();
    if (!isBusy(err)) return Promise.reject(err as Error);
    return retryBusy(async () => again(), inTransaction);
  }

  function drain(): void {
    scheduled = false;
    const now = waiting;
    waiting = [];
    for (const w of now) {
      try {
        w.resolve(inSnapshot(w.run));
      } catch (err) {
        failed(err, w.again).then(w.resolve, w.reject);
      }
    }
  }

  return {
    /**
     * Runs a read in the open snapshot, or in the one the next check phase opens; after
     * SQLITE_BUSY, `again` outside a transaction.
     */
    read<T>(run: () => T, again: () => T = run): Promise<T> {
      if (open) {
        try {
          return Promise.resolve(run());
        } catch (err) {
          return failed(err, again);
        }
      }
      return new Promise<T>((resolve, reject) => {
        waiting.push({ run, again, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(drain);
        }
      });
    },
    /**
     * Runs `run` after the reads of this turn: at the end of the check-phase callback whose
     * snapshot is open (after its microtasks, once the snapshot is closed), else in the next
     * check phase. The group commit runs its batches so (sqlite-hot-path.ts): the writes of
     * the requests read together are committed together, in the same turn.
     */
    afterReads(run: () => void): void {
      if (open) process.nextTick(run);
      else setImmediate(run);
    },
    close,
  };
}
