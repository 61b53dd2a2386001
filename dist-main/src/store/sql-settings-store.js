export class SqlSettingsStore {
    db;
    constructor(db) {
        this.db = db;
    }
    async getAll() {
        const rows = await this.db.selectFrom('settings').select(['key', 'value']).execute();
        return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    }
    async put(entries, now) {
        const list = Object.entries(entries);
        if (list.length === 0)
            return;
        await this.db.transaction().execute(async (tx) => {
            for (const [key, value] of list) {
                await tx
                    .insertInto('settings')
                    .values({ key, value, updated_at: now })
                    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
                    .execute();
            }
        });
    }
}
//# sourceMappingURL=sql-settings-store.js.map