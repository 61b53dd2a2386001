export class SqlRevocationFeed {
    db;
    constructor(db) {
        this.db = db;
    }
    async revokedUnexpired(now) {
        const rows = await this.db
            .selectFrom('access_tokens')
            .select(['jti', 'expires_at'])
            .where('revoked_at', 'is not', null)
            .where('expires_at', '>', now)
            .where('token_hash', 'is', null)
            .orderBy('jti')
            .execute();
        return rows.map((r) => ({ jti: r.jti, expiresAt: Number(r.expires_at) }));
    }
}
//# sourceMappingURL=sql-revocation-feed.js.map