import { params, query, str } from '../http/route-schema.js';
import { ownedApplication } from './owned-application.js';
const DAY_MS = 86_400_000;
/**
 * "Registered Users for Application" (PRODUCT.md item 10): the users who obtained tokens with
 * the password grant, with counts, and per day over the last `days` for the chart.
 */
export function registerRegisteredUsersRoutes(app, deps) {
    const schema = {
        summary: 'Users who obtained tokens with the password grant, with counts and per day (?days=30)',
        params: params('id'),
        querystring: query({ days: str() }),
    };
    app.get('/applications/:id/registered-users', { schema }, async (req) => {
        const current = await ownedApplication(deps.applications, req);
        const days = Math.min(365, Math.max(1, Number(req.query.days ?? 30) || 30));
        const found = await deps.applications.registeredUsers(current);
        const list = await Promise.all(found.map(async (u) => ({
            username: (await deps.users.findById(u.userId))?.username ?? '(removed user)',
            tokenCount: u.tokenCount,
            firstIssuedAt: u.firstIssuedAt,
            lastIssuedAt: u.lastIssuedAt,
        })));
        const since = (Math.floor(deps.now() / DAY_MS) - days + 1) * DAY_MS;
        const daily = (await deps.statistics.issuancePerDay(since, current.id))
            .filter((d) => d.grantType === 'password')
            .map((d) => ({ day: d.day, users: d.users, tokens: d.tokens }));
        return { count: list.length, list, days, daily };
    });
}
//# sourceMappingURL=registered-users-routes.js.map