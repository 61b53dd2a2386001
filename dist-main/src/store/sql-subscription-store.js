import { isUniqueViolation } from './errors.js';
const toSubscription = (r) => ({
    id: r.id,
    applicationId: r.application_id,
    apiId: r.api_id,
    tier: r.tier,
    createdAt: Number(r.created_at),
});
export class SqlSubscriptionStore {
    db;
    constructor(db) {
        this.db = db;
    }
    async create(sub) {
        try {
            await this.db
                .insertInto('subscriptions')
                .values({
                id: sub.id,
                application_id: sub.applicationId,
                api_id: sub.apiId,
                tier: sub.tier,
                created_at: sub.createdAt,
            })
                .execute();
            return true;
        }
        catch (err) {
            if (isUniqueViolation(err))
                return false;
            throw err;
        }
    }
    async findById(id) {
        const r = await this.db
            .selectFrom('subscriptions')
            .selectAll()
            .where('id', '=', id)
            .executeTakeFirst();
        return r && toSubscription(r);
    }
    async listByApplications(applicationIds) {
        if (applicationIds.length === 0)
            return [];
        const rows = await this.db
            .selectFrom('subscriptions')
            .selectAll()
            .where('application_id', 'in', [...applicationIds])
            .orderBy('created_at')
            .orderBy('id')
            .execute();
        return rows.map(toSubscription);
    }
    async countByApi(apiId) {
        const r = await this.db
            .selectFrom('subscriptions')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('api_id', '=', apiId)
            .executeTakeFirstOrThrow();
        return Number(r.n);
    }
    async remove(id) {
        const r = await this.db.deleteFrom('subscriptions').where('id', '=', id).executeTakeFirst();
        return r.numDeletedRows > 0n;
    }
    async listSubscribedKeys() {
        const rows = await this.db
            .selectFrom('subscriptions as s')
            .innerJoin('client_keys as k', 'k.application_id', 's.application_id')
            .innerJoin('applications as a', 'a.id', 's.application_id')
            .innerJoin('users as u', 'u.id', 'a.owner_id')
            .select([
            's.api_id',
            's.application_id',
            's.tier',
            'k.consumer_key',
            'k.environment',
            'a.throttling_policy',
            'a.name as application_name',
            'u.username as owner_username',
        ])
            .orderBy('k.consumer_key')
            .orderBy('s.api_id')
            .execute();
        return rows.map((r) => ({
            apiId: r.api_id,
            applicationId: r.application_id,
            tier: r.tier,
            consumerKey: r.consumer_key,
            environment: r.environment,
            applicationPolicy: r.throttling_policy,
            applicationName: r.application_name,
            applicationOwner: r.owner_username,
        }));
    }
}
//# sourceMappingURL=sql-subscription-store.js.map