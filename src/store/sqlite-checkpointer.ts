import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { CheckpointWorkerData } from './sqlite-checkpoint-worker.js';

/** How often the worker checkpoints once started; a checkpoint with nothing to copy costs microseconds. */
const CHECKPOINT_EVERY_MS = 250;
/** How long the WAL takes no new frame before the worker empties it and its thread ends. */
const IDLE_MS = 5000;
/** How often the event loop looks at the WAL's size (an asynchronous stat) while no worker runs. */
const WATCH_EVERY_MS = 1000;
/** The WAL size from which the worker starts: this process (or another) is writing. */
const START_AT_BYTES = 1 << 20;
/**
 * The connections of the event loop checkpoint by themselves only past this many WAL pages
 * (SQLite's default is 1000): a safety net should the worker fall behind or fail.
 */
export const EVENT_LOOP_AUTOCHECKPOINT_PAGES = 16_384;

export interface SqliteCheckpointer {
  /** True while the worker thread runs. */
  readonly running: boolean;
  close(): Promise<void>;
}

/**
 * Checkpoints a SQLite database in WAL mode from a worker thread. SQLite's automatic checkpoint
 * runs inside the COMMIT that crosses 1000 WAL pages, on whatever thread committed: with
 * better-sqlite3 the event loop, where its writes and two fsyncs blocked every request for
 * 6-27 ms (strace on the server under 200 token grants/s) every second or so. The worker
 * starts only once the WAL passes 1 MiB, so an idle server, or one serving only the Gateway,
 * does not pay for its thread (about 10 MB); once nothing has been written for IDLE_MS it
 * empties the WAL file and ends, and starts again when the WAL passes 1 MiB again.
 */
export function startSqliteCheckpointer(
  path: string,
  timing: { idleMs?: number; watchEveryMs?: number } = {},
): SqliteCheckpointer {
  let worker: Worker | undefined;
  let closed = false;
  let watch: NodeJS.Timeout | undefined;
  const start = () => {
    const data: CheckpointWorkerData = {
      path,
      everyMs: CHECKPOINT_EVERY_MS,
      idleMs: timing.idleMs ?? IDLE_MS,
    };
    const w = new Worker(new URL('./sqlite-checkpoint-worker.js', import.meta.url), {
      workerData: data,
    });
    worker = w;
    w.unref();
    // A failed worker leaves the checkpoints to the event loop's connections (the safety net).
    w.on('error', () => undefined);
    // It ends by itself (code 0) once idle: the WAL is watched again. A failed one is not
    // started again and again.
    w.once('exit', (code) => {
      worker = undefined;
      if (!closed && code === 0) watchWal();
    });
  };
  const watchWal = () => {
    watch = setInterval(() => {
      stat(`${path}-wal`).then(
        (s) => {
          if (closed || worker || s.size < START_AT_BYTES) return;
          clearInterval(watch);
          start();
        },
        () => undefined,
      );
    }, timing.watchEveryMs ?? WATCH_EVERY_MS);
    watch.unref();
  };
  watchWal();
  return {
    get running() {
      return worker !== undefined;
    },
    async close(): Promise<void> {
      closed = true;
      clearInterval(watch);
      const w = worker;
      if (!w) return;
      // Referenced again, so that a process with nothing else left to do waits for it here.
      w.ref();
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.postMessage('close');
      const stuck = setTimeout(() => void w.terminate(), 2000);
      await exited;
      clearTimeout(stuck);
    },
  };
}
