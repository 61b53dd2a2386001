import { availableParallelism } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** The largest semi-space (half of V8's young generation) a server process lets V8 grow to. */
export const SEMI_SPACE_MB = 8;
/** After a full GC the old generation may grow by this share of what survived before the next. */
export const HEAP_GROWING_PERCENT = 25;

const MB = 1024 * 1024;

/**
 * Keeps a server process's V8 heap near what it uses (issue #10: one worker under the Gateway
 * load < 160 MB). V8 sizes the heap for a browser tab's throughput: under a steady load the
 * young generation grows to two 16 MB semi-spaces, and the old generation to up to 4 times what
 * survived the last full GC before the next one (the Gateway's proxied calls allocate about
 * 20 KB each, a little of which outlives two scavenges). Measured on one worker under the
 * Gateway load: a 32 MB young generation and an old generation of 70-100 MB around 25-40 MB
 * of live objects, 150-215 MB RSS in all; with the two limits below, 122-141 MB. The smaller
 * young generation takes twice as many scavenges, which a pinned worker pays for by scavenging
 * on one thread (below).
 *
 * Node reads `--max-semi-space-size` and `--max-old-space-size` only when it makes the heap,
 * from its command line, and `tollgate start` is one process that a re-exec would cost
 * start-up time. What V8 reads at each collection can be set from here: the semi-space grows
 * by `semi_space_growth_factor` (1 = not at all) at a scavenge that needs it, so the factor
 * is 2 only while the next step stays within SEMI_SPACE_MB (and again after V8 shrank it on
 * an idle server); `heap_growing_percent` replaces V8's old-generation growing factor.
 * A process that may use one CPU only (pinned, or a one-CPU container) scavenges on one thread.
 * A flag given to node (`--max-semi-space-size`, `--heap-growing-percent`,
 * `--parallel-scavenge`, on the command line or in NODE_OPTIONS) is the operator's choice and
 * is left alone.
 */
export function holdServerHeap(): void {
  const given = `${process.execArgv.join(' ')} ${process.env['NODE_OPTIONS'] ?? ''}`;
  if (!/heap[-_]growing[-_]percent/.test(given))
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  if (!/semi[-_]space/.test(given)) holdYoungGeneration(SEMI_SPACE_MB * MB);
  // On one CPU V8's helper threads only take turns with this one: a scavenge split between
  // them took a median 3 ms where one thread alone took 0.8 ms (a worker pinned to one core
  // under the Gateway load), which pays for the smaller semi-space's twice as many scavenges.
  if (availableParallelism() === 1 && !/parallel[-_]scavenge/.test(given))
    setFlagsFromString('--no-parallel-scavenge');
}

function semiSpaceSize(): number {
  for (const s of getHeapSpaceStatistics())
    if (s.space_name === 'new_space') return s.space_size / 2;
  return 0;
}

/**
 * Lets the semi-space grow (V8's factor 2) only while one more step stays within `max`. It
 * starts at 1, so the start-up's module loading (one long task) grows nothing; the check runs
 * after each collection, on the event loop, as a server's tasks are short.
 *
 * The flag is the process's, and V8 sets it back to 2 whenever it configures another isolate's
 * heap (Heap::ConfigureHeap), on the new thread, at a moment this one cannot see: a worker
 * thread (a hashing thread, the SQLite checkpoint thread). So from a thread's start until it
 * is online (its isolate made) the check runs every millisecond too, at the start of the
 * event loop's turn (a timer), and once more when it is online; else the scavenges until the
 * next check could double the semi-space (one in 10-30 thread starts did, under a synthetic
 * load with many survivors). What remains is a scavenge within the millisecond in which the
 * new isolate is made, before the next check. Not at every turn (setImmediate): that kept the
 * event loop spinning while the thread started, and a hashing thread (niced) that shares its
 * core started ten times slower for it (350 ms of spinning at a login flood's first hash, on a
 * pinned worker).
 */
function holdYoungGeneration(max: number): void {
  const check = () => {
    setFlagsFromString(`--semi-space-growth-factor=${2 * semiSpaceSize() <= max ? 2 : 1}`);
  };
  setFlagsFromString('--semi-space-growth-factor=1');
  new PerformanceObserver(check).observe({ entryTypes: ['gc'] });
  let starting = 0;
  let poll: NodeJS.Timeout | undefined;
  process.on('worker', (worker) => {
    if (starting++ === 0) poll = setInterval(check, 1).unref();
    const started = () => {
      if (--starting === 0) clearInterval(poll);
      check();
      worker.off('online', started).off('exit', started);
    };
    worker.on('online', started).on('exit', started);
  });
}
