const toEvent = (r) => ({
    id: Number(r.id),
    at: r.at,
    type: r.type,
    reason: r.reason,
    username: r.username,
    consumerKey: r.consumer_key,
    ip: r.ip,
    detail: r.detail,
});
export class SqlAuditStore {
    db;
    constructor(db) {
        this.db = db;
    }
    async append(events) {
        if (events.length === 0)
            return;
        await this.db
            .insertInto('audit_events')
            .values(events.map((e) => ({
            at: e.at,
            type: e.type,
            reason: e.reason,
            username: e.username,
            consumer_key: e.consumerKey,
            ip: e.ip,
            detail: e.detail,
        })))
            .execute();
    }
    async list(query) {
        let q = this.db.selectFrom('audit_events').selectAll();
        if (query.type !== undefined)
            q = q.where('type', '=', query.type);
        if (query.since !== undefined)
            q = q.where('at', '>=', query.since);
        const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
        return rows.map(toEvent);
    }
    async purgeBefore(before, limit) {
        const r = await this.db
            .deleteFrom('audit_events')
            .where('id', 'in', this.db.selectFrom('audit_events').select('id').where('at', '<', before).limit(limit))
            .executeTakeFirst();
        return Number(r.numDeletedRows);
    }
}
//# sourceMappingURL=sql-audit-store.js.map