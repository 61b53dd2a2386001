/** What one write of a batch came to: its value, or the error that refused it alone. */
export type Outcome<R> =
  { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

/** Commits a batch of writes durably and says how each one ended (same order as `ops`). */
export type BatchCommit<Op, R> = (ops: readonly Op[]) => Promise<Outcome<R>[]> | Outcome<R>[];

interface Pending<Op, R> {
  readonly op: Op;
  readonly resolve: (v: R) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * Group commit: writes that arrive while a commit is in progress (or during the same turn of
 * the event loop) are committed together in the next batch, so one COMMIT (SQLite's WAL write,
 * PostgreSQL's round trip and flush) serves many token requests. Every caller is answered only
 * after the commit that holds its write (R52: a token is answered only once it is durable).
 * The commit function decides how a failing write is kept from failing the others.
 */
export class GroupCommit<Op, R> {
  private queue: Pending<Op, R>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly commit: BatchCommit<Op, R>,
    private readonly maxBatch = 64,
    /** Batches committing at once: 1 for SQLite (one writer), a few for PostgreSQL. */
    private readonly maxInFlight = 1,
    /**
     * When a batch is committed: setImmediate, not a microtask, so the requests already read
     * in this turn join the batch (SQLite's hot path passes its own, sqlite-hot-path.ts).
     */
    private readonly later: (flush: () => void) => void = setImmediate,
    /**
     * While a batch is committing, the next one waits until it has this many writes (or a
     * commit ends): each statement has a fixed cost (PostgreSQL: its start-up and its commit's
     * WAL flush, about half the backend's CPU for a batch of 5), so fewer, larger batches.
     */
    private readonly minBatchWhileBusy = 1,
  ) {}

  run(op: Op): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ op, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.queue.length === 0) return;
    if (this.inFlight > 0 && this.queue.length < this.minBatchWhileBusy) return;
    this.scheduled = true;
    this.later(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    this.inFlight++;
    this.schedule();
    try {
      const outcomes = await this.commit(batch.map((p) => p.op));
      batch.forEach((p, i) => {
        const o = outcomes[i]!;
        if (o.ok) p.resolve(o.value);
        else p.reject(o.error);
      });
    } catch (err) {
      // The commit itself failed: nothing in this batch is stored.
      for (const p of batch) p.reject(err);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}

/**
 * Commits `ops` together with `all`; when that fails (one bad write rolls the whole batch
 * back), commits each alone with `one`, so only the bad write fails.
 */
export async function eachAloneOnFailure<Op, R>(
  ops: readonly Op[],
  all: (ops: readonly Op[]) => Promise<R[]> | R[],
  one: (op: Op) => Promise<R> | R,
): Promise<Outcome<R>[]> {
  try {
    return (await all(ops)).map((value) => ({ ok: true, value }));
  } catch (error) {
    if (ops.length === 1) return [{ ok: false, error }];
  }
  const outcomes: Outcome<R>[] = [];
  for (const op of ops) {
    try {
      outcomes.push({ ok: true, value: await one(op) });
    } catch (error) {
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}
