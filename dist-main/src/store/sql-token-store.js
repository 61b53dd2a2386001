import { directWrites } from './write-batcher.js';
function toAccess(r) {
    return {
        jti: r.jti,
        tokenHash: r.token_hash,
        consumerKey: r.consumer_key,
        applicationId: r.application_id,
        userId: r.user_id,
        scope: JSON.parse(r.scope),
        familyId: r.family_id,
        grantType: r.grant_type,
        issuedAt: r.issued_at,
        expiresAt: r.expires_at,
        revokedAt: r.revoked_at,
    };
}
async function writeIssuance(db, { access: a, refresh: r, newFamily: f }) {
    if (f) {
        await db
            .insertInto('token_families')
            .values({
            id: f.id,
            consumer_key: f.consumerKey,
            user_id: f.userId,
            created_at: f.createdAt,
            expires_at: f.expiresAt,
            revoked_at: f.revokedAt,
            revoke_reason: null,
        })
            .execute();
    }
    await db
        .insertInto('access_tokens')
        .values({
        jti: a.jti,
        token_hash: a.tokenHash,
        consumer_key: a.consumerKey,
        application_id: a.applicationId,
        user_id: a.userId,
        scope: JSON.stringify(a.scope),
        family_id: a.familyId,
        grant_type: a.grantType,
        issued_at: a.issuedAt,
        expires_at: a.expiresAt,
        revoked_at: a.revokedAt,
    })
        .execute();
    if (r) {
        await db
            .insertInto('refresh_tokens')
            .values({
            token_hash: r.tokenHash,
            family_id: r.familyId,
            consumer_key: r.consumerKey,
            user_id: r.userId,
            scope: JSON.stringify(r.scope),
            issued_at: r.issuedAt,
            expires_at: r.expiresAt,
            consumed_at: r.consumedAt,
            revoked_at: r.revokedAt,
        })
            .execute();
    }
    await db
        .insertInto('token_issuance')
        .values({
        application_id: a.applicationId,
        consumer_key: a.consumerKey,
        user_id: a.userId,
        grant_type: a.grantType,
        issued_at: a.issuedAt,
    })
        .execute();
}
export class SqlTokenStore {
    db;
    writes;
    constructor(db, writes = directWrites(db)) {
        this.db = db;
        this.writes = writes;
    }
    async saveIssuance(issuance) {
        await this.writes.run((trx) => writeIssuance(trx, issuance));
    }
    async rotateRefresh(oldTokenHash, now, successor) {
        return this.writes.run(async (trx) => {
            // The conditional UPDATE is the arbiter: PostgreSQL re-checks the WHERE after a
            // concurrent writer commits, and SQLite runs one write transaction at a time.
            const r = await trx
                .updateTable('refresh_tokens')
                .set({ consumed_at: now })
                .where('token_hash', '=', oldTokenHash)
                .where('consumed_at', 'is', null)
                .where('revoked_at', 'is', null)
                .executeTakeFirst();
            if (r.numUpdatedRows === 0n)
                return 'already_consumed';
            await writeIssuance(trx, successor);
            return 'rotated';
        });
    }
    async findRefresh(tokenHash) {
        const r = await this.db
            .selectFrom('refresh_tokens as r')
            .innerJoin('token_families as f', 'f.id', 'r.family_id')
            .selectAll('r')
            .select([
            'f.consumer_key as f_consumer_key',
            'f.user_id as f_user_id',
            'f.created_at as f_created_at',
            'f.expires_at as f_expires_at',
            'f.revoked_at as f_revoked_at',
        ])
            .where('r.token_hash', '=', tokenHash)
            .executeTakeFirst();
        if (!r)
            return undefined;
        return {
            tokenHash: r.token_hash,
            familyId: r.family_id,
            consumerKey: r.consumer_key,
            userId: r.user_id,
            scope: JSON.parse(r.scope),
            issuedAt: r.issued_at,
            expiresAt: r.expires_at,
            consumedAt: r.consumed_at,
            revokedAt: r.revoked_at,
            family: {
                id: r.family_id,
                consumerKey: r.f_consumer_key,
                userId: r.f_user_id,
                createdAt: r.f_created_at,
                expiresAt: r.f_expires_at,
                revokedAt: r.f_revoked_at,
            },
        };
    }
    async findAccessByHash(tokenHash) {
        const r = await this.db
            .selectFrom('access_tokens')
            .selectAll()
            .where('token_hash', '=', tokenHash)
            .executeTakeFirst();
        return r && toAccess(r);
    }
    async findAccessByJti(jti) {
        const r = await this.db
            .selectFrom('access_tokens')
            .selectAll()
            .where('jti', '=', jti)
            .executeTakeFirst();
        return r && toAccess(r);
    }
    revokeFamily(familyId, now, reason) {
        return this.revokeWhere('id', 'family_id', familyId, now, reason);
    }
    async revokeAccess(jti, now) {
        await this.db
            .updateTable('access_tokens')
            .set({ revoked_at: now })
            .where('jti', '=', jti)
            .where('revoked_at', 'is', null)
            .execute();
    }
    revokeUser(userId, now) {
        return this.revokeWhere('user_id', 'user_id', userId, now, 'user_revoked');
    }
    revokeClient(consumerKey, now) {
        return this.revokeWhere('consumer_key', 'consumer_key', consumerKey, now, 'client_revoked');
    }
    /** Revokes the matching families, refresh tokens and access tokens together; earlier revocations keep their time. */
    async revokeWhere(familyColumn, tokenColumn, value, now, reason) {
        await this.db.transaction().execute(async (trx) => {
            await trx
                .updateTable('token_families')
                .set({ revoked_at: now, revoke_reason: reason })
                .where(familyColumn, '=', value)
                .where('revoked_at', 'is', null)
                .execute();
            await trx
                .updateTable('refresh_tokens')
                .set({ revoked_at: now })
                .where(tokenColumn, '=', value)
                .where('revoked_at', 'is', null)
                .execute();
            await trx
                .updateTable('access_tokens')
                .set({ revoked_at: now })
                .where(tokenColumn, '=', value)
                .where('revoked_at', 'is', null)
                .execute();
        });
    }
    async purgeExpired(before, limit) {
        // Bounded batches (a sub-select with LIMIT works on both databases) keep each write short.
        const access = await this.db
            .deleteFrom('access_tokens')
            .where('jti', 'in', this.db
            .selectFrom('access_tokens')
            .select('jti')
            .where('expires_at', '<', before)
            .limit(limit))
            .executeTakeFirst();
        const refresh = await this.db
            .deleteFrom('refresh_tokens')
            .where('token_hash', 'in', this.db
            .selectFrom('refresh_tokens')
            .select('token_hash')
            .where('expires_at', '<', before)
            .limit(limit))
            .executeTakeFirst();
        // A family goes once it expired and nothing refers to it (an access token may outlive it).
        const families = await this.db
            .deleteFrom('token_families')
            .where('id', 'in', this.db
            .selectFrom('token_families as f')
            .select('f.id')
            .where('f.expires_at', '<', before)
            .where(({ not, exists, selectFrom }) => not(exists(selectFrom('refresh_tokens as r')
            .select('r.token_hash')
            .whereRef('r.family_id', '=', 'f.id'))))
            .where(({ not, exists, selectFrom }) => not(exists(selectFrom('access_tokens as a')
            .select('a.jti')
            .whereRef('a.family_id', '=', 'f.id'))))
            .limit(limit))
            .executeTakeFirst();
        return {
            accessTokens: Number(access.numDeletedRows),
            refreshTokens: Number(refresh.numDeletedRows),
            families: Number(families.numDeletedRows),
        };
    }
    async usersByGrant(applicationId, grantType) {
        const rows = await this.db
            .selectFrom('token_issuance')
            .select((eb) => [
            'user_id',
            eb.fn.countAll().as('token_count'),
            eb.fn.min('issued_at').as('first_issued_at'),
            eb.fn.max('issued_at').as('last_issued_at'),
        ])
            .where('application_id', '=', applicationId)
            .where('grant_type', '=', grantType)
            .where('user_id', 'is not', null)
            .groupBy('user_id')
            .orderBy('last_issued_at', 'desc')
            .orderBy('user_id')
            .execute();
        return rows.map((r) => ({
            userId: r.user_id,
            tokenCount: Number(r.token_count),
            firstIssuedAt: Number(r.first_issued_at),
            lastIssuedAt: Number(r.last_issued_at),
        }));
    }
}
//# sourceMappingURL=sql-token-store.js.map