import type SQLite from 'better-sqlite3';

/**
 * One read transaction for the hot reads of one callback. Each SQLite read outside a
 * transaction takes and drops a WAL read lock (two fcntl system calls, a tenth of an
 * introspection's CPU on this machine); the reads a request makes one after the other (the
 * row_changes check, the token, its family, the user) share one instead.
 *
 * The snapshot is opened by the first read and closed once the microtasks of the callback that
 * made it have run (queueMicrotask, then process.nextTick: ticks queued by a microtask run only
 * after the microtask queue is empty). So it never outlives the I/O callback (a socket's data,
 * a timer) it was opened in: a request that arrives later, after a commit elsewhere (another
 * worker's revocation), reads in a snapshot opened after it arrived and sees that commit.
 * A write on this connection closes it first.
 */
export function readSnapshots(conn: SQLite.Database) {
  const begin = conn.prepare('begin');
  const commit = conn.prepare('commit');
  let open = false;
  const close = (): void => {
    if (!open) return;
    open = false;
    if (conn.open && conn.inTransaction) commit.run();
  };
  const closeAfterTicks = () => process.nextTick(close);
  return {
    /** Runs a read inside the current snapshot, opening one if there is none. */
    read<T>(run: () => T): T {
      if (!open && !conn.inTransaction) {
        begin.run();
        open = true;
        queueMicrotask(closeAfterTicks);
      }
      try {
        return run();
      } catch (err) {
        close(); // e.g. SQLITE_BUSY: the caller retries outside a transaction
        throw err;
      }
    },
    close,
  };
}
