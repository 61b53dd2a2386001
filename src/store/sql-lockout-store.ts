import { sql, type Kysely, type Selectable } from 'kysely';
import type { LockoutState, LockoutStore } from '../identity/lockout.js';
import type { AccountLockoutsTable, Tables } from './tables.js';

const toState = (r: Selectable<AccountLockoutsTable>): LockoutState => ({
  failures: r.failures,
  lockCount: r.lock_count,
  lockedUntil: r.locked_until,
});

export class SqlLockoutStore implements LockoutStore {
  constructor(private readonly db: Kysely<Tables>) {}

  async get(userId: string): Promise<LockoutState | undefined> {
    const r = await this.db
      .selectFrom('account_lockouts')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return r && toState(r);
  }

  // One statement (upsert + RETURNING), so concurrent failures on several nodes all count.
  async addFailure(userId: string, now: number, forgetBefore: number): Promise<LockoutState> {
    const r = await this.db
      .insertInto('account_lockouts')
      .values({
        user_id: userId,
        failures: 1,
        lock_count: 0,
        locked_until: null,
        last_failure_at: now,
      })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({
          failures: sql<number>`case when account_lockouts.last_failure_at < ${forgetBefore} then 1 else account_lockouts.failures + 1 end`,
          last_failure_at: now,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return toState(r);
  }

  async lock(userId: string, threshold: number, until: number): Promise<boolean> {
    const r = await this.db
      .updateTable('account_lockouts')
      .set({ failures: 0, lock_count: sql<number>`lock_count + 1`, locked_until: until })
      .where('user_id', '=', userId)
      .where('failures', '>=', threshold)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  async reset(userId: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('account_lockouts')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  async listLocked(now: number): Promise<Array<{ userId: string; lockedUntil: number }>> {
    const rows = await this.db
      .selectFrom('account_lockouts')
      .select(['user_id', 'locked_until'])
      .where('locked_until', '>', now)
      .orderBy('locked_until', 'desc')
      .execute();
    return rows.map((r) => ({ userId: r.user_id, lockedUntil: r.locked_until! }));
  }
}
