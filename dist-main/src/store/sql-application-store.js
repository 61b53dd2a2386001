import { DuplicateError, isUniqueViolation } from './errors.js';
function toApplication(r) {
    return {
        id: r.id,
        name: r.name,
        ownerId: r.owner_id,
        description: r.description,
        tokenType: r.token_type,
        grantTypes: JSON.parse(r.grant_types),
        accessTokenLifetime: r.access_token_lifetime,
        refreshTokenLifetime: r.refresh_token_lifetime,
        throttlingPolicy: r.throttling_policy,
        createdAt: r.created_at,
    };
}
function toKey(r) {
    return {
        consumerKey: r.consumer_key,
        applicationId: r.application_id,
        environment: r.environment,
        secretHash: r.secret_hash,
        createdAt: r.created_at,
    };
}
function applicationRow(app) {
    return {
        name: app.name,
        description: app.description,
        token_type: app.tokenType,
        grant_types: JSON.stringify(app.grantTypes),
        access_token_lifetime: app.accessTokenLifetime,
        refresh_token_lifetime: app.refreshTokenLifetime,
        throttling_policy: app.throttlingPolicy,
    };
}
function duplicateName(name) {
    return new DuplicateError('application', `An application named "${name}" already exists for this owner.`);
}
export class SqlApplicationStore {
    db;
    constructor(db) {
        this.db = db;
    }
    async create(app) {
        try {
            await this.db
                .insertInto('applications')
                .values({
                id: app.id,
                owner_id: app.ownerId,
                created_at: app.createdAt,
                ...applicationRow(app),
            })
                .execute();
        }
        catch (err) {
            if (isUniqueViolation(err))
                throw duplicateName(app.name);
            throw err;
        }
    }
    async update(app) {
        try {
            await this.db
                .updateTable('applications')
                .set(applicationRow(app))
                .where('id', '=', app.id)
                .execute();
        }
        catch (err) {
            if (isUniqueViolation(err))
                throw duplicateName(app.name);
            throw err;
        }
    }
    async findById(id) {
        const r = await this.db
            .selectFrom('applications')
            .selectAll()
            .where('id', '=', id)
            .executeTakeFirst();
        return r && toApplication(r);
    }
    async findByOwnerAndName(ownerId, name) {
        const r = await this.db
            .selectFrom('applications')
            .selectAll()
            .where('owner_id', '=', ownerId)
            .where('name', '=', name)
            .executeTakeFirst();
        return r && toApplication(r);
    }
    async list(ownerId) {
        let q = this.db.selectFrom('applications').selectAll();
        if (ownerId !== undefined)
            q = q.where('owner_id', '=', ownerId);
        const rows = await q.orderBy('owner_id').orderBy('name').execute();
        return rows.map(toApplication);
    }
    async remove(id) {
        // client_keys go with it (ON DELETE CASCADE).
        const r = await this.db.deleteFrom('applications').where('id', '=', id).executeTakeFirst();
        return r.numDeletedRows > 0n;
    }
    async createKey(key) {
        try {
            await this.db
                .insertInto('client_keys')
                .values({
                consumer_key: key.consumerKey,
                application_id: key.applicationId,
                environment: key.environment,
                secret_hash: key.secretHash,
                created_at: key.createdAt,
                secret_updated_at: key.createdAt,
            })
                .execute();
        }
        catch (err) {
            if (isUniqueViolation(err))
                throw new DuplicateError('client_key', `The application already has ${key.environment} keys.`);
            throw err;
        }
    }
    async findKey(applicationId, environment) {
        const r = await this.db
            .selectFrom('client_keys')
            .selectAll()
            .where('application_id', '=', applicationId)
            .where('environment', '=', environment)
            .executeTakeFirst();
        return r && toKey(r);
    }
    async findClient(consumerKey) {
        const r = await this.db
            .selectFrom('client_keys as k')
            .innerJoin('applications as a', 'a.id', 'k.application_id')
            .selectAll('k')
            .select([
            'a.name',
            'a.owner_id',
            'a.description',
            'a.token_type',
            'a.grant_types',
            'a.access_token_lifetime',
            'a.refresh_token_lifetime',
            'a.throttling_policy',
            'a.created_at as app_created_at',
        ])
            .where('k.consumer_key', '=', consumerKey)
            .executeTakeFirst();
        if (!r)
            return undefined;
        return {
            key: toKey(r),
            application: toApplication({ ...r, id: r.application_id, created_at: r.app_created_at }),
        };
    }
    async updateSecret(consumerKey, secretHash, now) {
        await this.db
            .updateTable('client_keys')
            .set({ secret_hash: secretHash, secret_updated_at: now })
            .where('consumer_key', '=', consumerKey)
            .execute();
    }
}
//# sourceMappingURL=sql-application-store.js.map