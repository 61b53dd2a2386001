function toScope(r) {
    return { name: r.name, description: r.description, roles: JSON.parse(r.roles) };
}
export class SqlScopeStore {
    db;
    constructor(db) {
        this.db = db;
    }
    async upsert(scope, now) {
        const roles = JSON.stringify(scope.roles);
        await this.db
            .insertInto('scopes')
            .values({ name: scope.name, description: scope.description, roles, created_at: now })
            // created_at keeps the first definition's time.
            .onConflict((oc) => oc.column('name').doUpdateSet({ description: scope.description, roles }))
            .execute();
    }
    async findMany(names) {
        if (names.length === 0)
            return [];
        const rows = await this.db
            .selectFrom('scopes')
            .selectAll()
            .where('name', 'in', [...names])
            .orderBy('name')
            .execute();
        return rows.map(toScope);
    }
    async list() {
        const rows = await this.db.selectFrom('scopes').selectAll().orderBy('name').execute();
        return rows.map(toScope);
    }
    async remove(name) {
        const r = await this.db.deleteFrom('scopes').where('name', '=', name).executeTakeFirst();
        return r.numDeletedRows > 0n;
    }
}
//# sourceMappingURL=sql-scope-store.js.map