// Runs inside the SQLite checkpointer's worker thread (sqlite-checkpointer.ts): its own
// connection to the database file copies the WAL back into the database and fsyncs both, so
// that work (milliseconds to tens of milliseconds a time) never runs on the event loop.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

export interface CheckpointWorkerData {
  readonly path: string;
  readonly everyMs: number;
}

const { path, everyMs } = workerData as CheckpointWorkerData;
const db = new SQLite(path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
// This connection only reads the WAL index and checkpoints; it must not checkpoint by itself.
db.pragma('wal_autocheckpoint = 0');

function checkpoint(): void {
  try {
    // PASSIVE: copies what no reader still needs and waits for nobody; a second process
    // checkpointing at the same moment makes it return SQLITE_BUSY, which is fine: next time.
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    /* busy or closing: the next tick tries again */
  }
}

const timer = setInterval(checkpoint, everyMs);
checkpoint();
parentPort!.on('message', (m: unknown) => {
  if (m !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort!.close();
});
