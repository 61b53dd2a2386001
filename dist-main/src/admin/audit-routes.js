import { badRequest } from '../http/api-error.js';
import { query, str } from '../http/route-schema.js';
import { parseSince } from './since.js';
export const auditView = (e) => ({
    id: e.id,
    at: new Date(e.at).toISOString(),
    type: e.type,
    reason: e.reason,
    username: e.username,
    consumerKey: e.consumerKey,
    ip: e.ip,
    detail: e.detail,
});
/** GET /audit-events?type=login.failed&since=2025-01-01T00:00:00Z|15m&limit=100: newest first. */
export function registerAuditRoutes(app, deps) {
    const schema = {
        summary: 'Audit log, newest first (?type=login.failed&since=15m|ISO&limit=100)',
        querystring: query({ type: str(), since: str(), limit: str() }),
    };
    app.get('/audit-events', { schema }, async (req) => {
        const { type, since, limit } = req.query;
        const n = limit === undefined ? 100 : Number(limit);
        if (!Number.isInteger(n) || n < 1 || n > 1000)
            throw badRequest('limit must be an integer from 1 to 1000.');
        if (type !== undefined && !/^[a-z_.]{1,64}$/.test(type))
            throw badRequest('type is not a valid event type.');
        let from;
        if (since !== undefined) {
            from = parseSince(since, deps.now());
            if (from === undefined)
                throw badRequest('since must be an ISO 8601 time or a duration such as 15m, 2h, 7d.');
        }
        await deps.flush();
        const list = await deps.list({
            limit: n,
            ...(type !== undefined ? { type } : {}),
            ...(from !== undefined ? { since: from } : {}),
        });
        return { count: list.length, list: list.map(auditView) };
    });
}
//# sourceMappingURL=audit-routes.js.map