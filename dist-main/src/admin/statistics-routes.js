import { query, str } from '../http/route-schema.js';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const FAILED_LOGIN_HOURS = 24;
/** Admin: registered users per application, tokens per grant type per day, failed logins per hour. */
export function registerStatisticsRoutes(app, deps) {
    const schema = {
        summary: 'Registered users per application, tokens per grant type per day, failed logins per hour from the audit log (?days=30)',
        querystring: query({ days: str() }),
    };
    app.get('/statistics', { schema }, async (req) => {
        const days = Math.min(365, Math.max(1, Number(req.query.days ?? 30) || 30));
        const since = (Math.floor(deps.now() / DAY_MS) - days + 1) * DAY_MS;
        const failedLogins = async () => {
            // From the audit log: survives restarts and counts the failures of every node.
            await deps.flushAudit();
            const last = Math.floor(deps.now() / HOUR_MS);
            const from = (last - FAILED_LOGIN_HOURS + 1) * HOUR_MS;
            const counts = new Map((await deps.statistics.auditEventsPerHour('login.failed', from)).map((c) => [
                c.hour,
                c.count,
            ]));
            const hours = [];
            for (let t = from; t <= last * HOUR_MS; t += HOUR_MS)
                hours.push({ hour: t, count: counts.get(t) ?? 0 });
            return { since: from, hours };
        };
        const owners = new Map((await deps.users.list()).map((u) => [u.id, u.username]));
        const apps = await deps.statistics.registeredUsersPerApplication();
        return {
            days,
            registeredUsersPerApplication: apps.map((a) => ({
                applicationId: a.applicationId,
                applicationName: a.applicationName,
                owner: owners.get(a.ownerId) ?? '',
                registeredUsers: a.registeredUsers,
                passwordTokens: a.passwordTokens,
            })),
            tokensPerGrantType: (await deps.statistics.issuancePerDay(since)).map((d) => ({
                day: d.day,
                grantType: d.grantType,
                tokens: d.tokens,
            })),
            failedLogins: await failedLogins(),
        };
    });
}
//# sourceMappingURL=statistics-routes.js.map