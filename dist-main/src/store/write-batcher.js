import { sql } from 'kysely';
export const directWrites = (db) => ({
    run: (op) => db.transaction().execute(op),
});
/**
 * Group commit for SQLite, which has one writer and pays most of a token's cost in the
 * commit: writes that arrive while a commit is in progress are run together in the next
 * transaction, each inside its own savepoint (one failing write rolls back only itself).
 * Every caller is answered only after the COMMIT that holds its write (R52: a token is
 * answered only once it is durable).
 */
export class GroupCommitWriter {
    db;
    maxBatch;
    queue = [];
    flushing = false;
    constructor(db, maxBatch = 64) {
        this.db = db;
        this.maxBatch = maxBatch;
    }
    run(op) {
        return new Promise((resolve, reject) => {
            this.queue.push({ op, resolve: resolve, reject });
            if (!this.flushing) {
                this.flushing = true;
                setImmediate(() => void this.flush());
            }
        });
    }
    async flush() {
        const batch = this.queue.splice(0, this.maxBatch);
        const outcomes = [];
        try {
            await this.db.transaction().execute(async (trx) => {
                for (const item of batch) {
                    await sql `savepoint tg_write`.execute(trx);
                    try {
                        const value = await item.op(trx);
                        await sql `release savepoint tg_write`.execute(trx);
                        outcomes.push({ ok: true, value });
                    }
                    catch (error) {
                        await sql `rollback to savepoint tg_write`.execute(trx);
                        await sql `release savepoint tg_write`.execute(trx);
                        outcomes.push({ ok: false, error });
                    }
                }
            });
            batch.forEach((item, i) => {
                const o = outcomes[i];
                if (o.ok)
                    item.resolve(o.value);
                else
                    item.reject(o.error);
            });
        }
        catch (err) {
            // The commit itself failed: nothing in this batch is stored.
            for (const item of batch)
                item.reject(err);
        }
        finally {
            if (this.queue.length > 0)
                setImmediate(() => void this.flush());
            else
                this.flushing = false;
        }
    }
}
//# sourceMappingURL=write-batcher.js.map