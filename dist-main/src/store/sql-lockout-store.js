import { sql } from 'kysely';
const toState = (r) => ({
    failures: r.failures,
    lockCount: r.lock_count,
    lockedUntil: r.locked_until,
});
export class SqlLockoutStore {
    db;
    constructor(db) {
        this.db = db;
    }
    async get(userId) {
        const r = await this.db
            .selectFrom('account_lockouts')
            .selectAll()
            .where('user_id', '=', userId)
            .executeTakeFirst();
        return r && toState(r);
    }
    // One statement (upsert + RETURNING), so concurrent failures on several nodes all count.
    async addFailure(userId, now, forgetBefore) {
        const r = await this.db
            .insertInto('account_lockouts')
            .values({
            user_id: userId,
            failures: 1,
            lock_count: 0,
            locked_until: null,
            last_failure_at: now,
        })
            .onConflict((oc) => oc.column('user_id').doUpdateSet({
            failures: sql `case when account_lockouts.last_failure_at < ${forgetBefore} then 1 else account_lockouts.failures + 1 end`,
            last_failure_at: now,
        }))
            .returningAll()
            .executeTakeFirstOrThrow();
        return toState(r);
    }
    async lock(userId, threshold, until) {
        const r = await this.db
            .updateTable('account_lockouts')
            .set({ failures: 0, lock_count: sql `lock_count + 1`, locked_until: until })
            .where('user_id', '=', userId)
            .where('failures', '>=', threshold)
            .executeTakeFirst();
        return r.numUpdatedRows > 0n;
    }
    async reset(userId) {
        const r = await this.db
            .deleteFrom('account_lockouts')
            .where('user_id', '=', userId)
            .executeTakeFirst();
        return r.numDeletedRows > 0n;
    }
    async listLocked(now) {
        const rows = await this.db
            .selectFrom('account_lockouts')
            .select(['user_id', 'locked_until'])
            .where('locked_until', '>', now)
            .orderBy('locked_until', 'desc')
            .execute();
        return rows.map((r) => ({ userId: r.user_id, lockedUntil: r.locked_until }));
    }
}
//# sourceMappingURL=sql-lockout-store.js.map