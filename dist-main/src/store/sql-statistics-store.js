import { sql } from 'kysely';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export class SqlStatisticsStore {
    db;
    constructor(db) {
        this.db = db;
    }
    async registeredUsersPerApplication() {
        const rows = await this.db
            .selectFrom('applications as a')
            .leftJoin('token_issuance as t', (j) => j.onRef('t.application_id', '=', 'a.id').on('t.grant_type', '=', 'password'))
            .select((eb) => [
            'a.id',
            'a.name',
            'a.owner_id',
            eb.fn.count('t.user_id').distinct().as('users'),
            eb.fn.count('t.id').as('tokens'),
        ])
            .groupBy(['a.id', 'a.name', 'a.owner_id'])
            .orderBy('users', 'desc')
            .orderBy('a.name')
            .execute();
        return rows.map((r) => ({
            applicationId: r.id,
            applicationName: r.name,
            ownerId: r.owner_id,
            registeredUsers: Number(r.users),
            passwordTokens: Number(r.tokens),
        }));
    }
    async issuancePerDay(since, applicationId) {
        // Integer division on both databases: issued_at is an integer column.
        const day = sql `issued_at / ${sql.lit(DAY_MS)}`;
        let q = this.db
            .selectFrom('token_issuance')
            .select((eb) => [
            day.as('day'),
            'grant_type',
            eb.fn.countAll().as('tokens'),
            eb.fn.count('user_id').distinct().as('users'),
        ])
            .where('issued_at', '>=', since);
        if (applicationId !== undefined)
            q = q.where('application_id', '=', applicationId);
        const rows = await q.groupBy([day, 'grant_type']).orderBy(day).orderBy('grant_type').execute();
        return rows.map((r) => ({
            day: Number(r.day),
            grantType: r.grant_type,
            tokens: Number(r.tokens),
            users: Number(r.users),
        }));
    }
    async auditEventsPerHour(type, since) {
        // Integer division on both databases (at is an integer column); uses audit_events_type_at.
        const hour = sql `at / ${sql.lit(HOUR_MS)}`;
        const rows = await this.db
            .selectFrom('audit_events')
            .select((eb) => [hour.as('hour'), eb.fn.countAll().as('count')])
            .where('type', '=', type)
            .where('at', '>=', since)
            .groupBy(hour)
            .orderBy(hour)
            .execute();
        return rows.map((r) => ({ hour: Number(r.hour) * HOUR_MS, count: Number(r.count) }));
    }
    async passwordGrantUse(since) {
        const rows = await this.db
            .selectFrom('token_issuance')
            .select((eb) => [
            'application_id',
            'user_id',
            eb.fn.countAll().as('tokens'),
            eb.fn.max('issued_at').as('last'),
        ])
            .where('grant_type', '=', 'password')
            .where('issued_at', '>=', since)
            .where('user_id', 'is not', null)
            .groupBy(['application_id', 'user_id'])
            .execute();
        return rows.map((r) => ({
            applicationId: r.application_id,
            userId: r.user_id ?? '',
            tokens: Number(r.tokens),
            lastIssuedAt: Number(r.last),
        }));
    }
}
//# sourceMappingURL=sql-statistics-store.js.map