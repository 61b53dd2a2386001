const toSession = (r) => ({
    idHash: r.id_hash,
    userId: r.user_id,
    csrfToken: r.csrf_token,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
});
export class SqlSessionStore {
    db;
    constructor(db) {
        this.db = db;
    }
    async create(s) {
        await this.db
            .insertInto('sessions')
            .values({
            id_hash: s.idHash,
            user_id: s.userId,
            csrf_token: s.csrfToken,
            created_at: s.createdAt,
            last_seen_at: s.lastSeenAt,
            expires_at: s.expiresAt,
        })
            .execute();
    }
    async find(idHash) {
        const r = await this.db
            .selectFrom('sessions')
            .selectAll()
            .where('id_hash', '=', idHash)
            .executeTakeFirst();
        return r && toSession(r);
    }
    async touch(idHash, lastSeenAt) {
        await this.db
            .updateTable('sessions')
            .set({ last_seen_at: lastSeenAt })
            .where('id_hash', '=', idHash)
            .execute();
    }
    async remove(idHash) {
        await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    }
    async removeUser(userId) {
        await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    }
    async purge(now, idleBefore) {
        const r = await this.db
            .deleteFrom('sessions')
            .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
            .executeTakeFirst();
        return Number(r.numDeletedRows);
    }
}
//# sourceMappingURL=sql-session-store.js.map