export class SqlSigningKeyStore {
    db;
    constructor(db) {
        this.db = db;
    }
    async list() {
        const rows = await this.db
            .selectFrom('signing_keys')
            .selectAll()
            .orderBy('created_at')
            .orderBy('kid')
            .execute();
        return rows.map((r) => ({
            kid: r.kid,
            alg: r.alg,
            privateJwk: r.private_jwk,
            publicJwk: r.public_jwk,
            createdAt: r.created_at,
            retiredAt: r.retired_at,
        }));
    }
    async insert(key) {
        await this.db
            .insertInto('signing_keys')
            .values({
            kid: key.kid,
            alg: key.alg,
            private_jwk: key.privateJwk,
            public_jwk: key.publicJwk,
            created_at: key.createdAt,
            retired_at: key.retiredAt,
        })
            .execute();
    }
}
//# sourceMappingURL=sql-signing-key-store.js.map