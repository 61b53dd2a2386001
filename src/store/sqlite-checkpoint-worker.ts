// Runs inside the SQLite checkpointer's worker thread (sqlite-checkpointer.ts): its own
// connection to the database file copies the WAL back into the database and fsyncs both, so
// that work (milliseconds to tens of milliseconds a time) never runs on the event loop. Once
// the WAL has taken no new frame for `idleMs`, it empties the WAL file and the thread ends.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

export interface CheckpointWorkerData {
  readonly path: string;
  readonly everyMs: number;
  readonly idleMs: number;
}

interface CheckpointResult {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

const { path, everyMs, idleMs } = workerData as CheckpointWorkerData;
const db = new SQLite(path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
// This connection only reads the WAL index and checkpoints; it must not checkpoint by itself.
db.pragma('wal_autocheckpoint = 0');

/** The WAL's frames at the last checkpoint, and since when they have not changed. */
let frames = -1;
let quietSince = Date.now();

function checkpoint(): void {
  try {
    // PASSIVE: copies what no reader still needs and waits for nobody; a second process
    // checkpointing at the same moment makes it return SQLITE_BUSY, which is fine: next time.
    const [r] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
    const now = Date.now();
    if (!r || r.busy !== 0 || r.log !== frames || r.checkpointed < r.log) {
      frames = r?.log ?? -1;
      quietSince = now;
      return;
    }
    if (now - quietSince < idleMs) return;
    // Nothing written for idleMs and all of it copied: TRUNCATE empties the WAL file (it needs
    // every reader on the database file, and no writer: else busy, and the next tick tries
    // again), so the event loop's watch starts this thread again only after 1 MiB of new writes.
    const [t] = db.pragma('wal_checkpoint(TRUNCATE)') as CheckpointResult[];
    if (t && t.busy === 0) stop();
  } catch {
    /* busy or closing: the next tick tries again */
  }
}

const timer = setInterval(checkpoint, everyMs);
checkpoint();

let stopped = false;
function stop(): void {
  if (stopped) return;
  stopped = true;
  clearInterval(timer);
  db.close();
  parentPort!.close();
}

parentPort!.on('message', (m: unknown) => {
  if (m === 'close') stop();
});
