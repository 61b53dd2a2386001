const DAY_MS = 86_400_000;
const iso = (ms) => new Date(ms).toISOString();
export async function passwordGrantReport(deps) {
    const since = deps.now - deps.days * DAY_MS;
    const [uses, apps, users] = await Promise.all([
        deps.statistics.passwordGrantUse(since),
        deps.applications(),
        deps.users(),
    ]);
    const username = new Map(users.map((u) => [u.id, u.username]));
    // A token of a user removed since then still counts; the id stands in for the name.
    const nameOf = (id) => username.get(id) ?? `(removed user ${id})`;
    const byApp = new Map();
    for (const u of uses)
        byApp.set(u.applicationId, [...(byApp.get(u.applicationId) ?? []), u]);
    const applications = [];
    for (const app of apps) {
        const rows = byApp.get(app.id);
        if (!rows)
            continue;
        rows.sort((a, b) => b.tokens - a.tokens || b.lastIssuedAt - a.lastIssuedAt);
        applications.push({
            applicationId: app.id,
            applicationName: app.name,
            owner: nameOf(app.ownerId),
            passwordGrantAllowed: app.grantTypes.includes('password'),
            tokens: rows.reduce((n, r) => n + r.tokens, 0),
            lastUsedAt: iso(Math.max(...rows.map((r) => r.lastIssuedAt))),
            users: rows.map((r) => ({
                username: nameOf(r.userId),
                tokens: r.tokens,
                lastUsedAt: iso(r.lastIssuedAt),
            })),
        });
    }
    applications.sort((a, b) => b.users.length - a.users.length ||
        b.tokens - a.tokens ||
        a.applicationName.localeCompare(b.applicationName));
    const allowedButUnused = apps
        .filter((a) => a.grantTypes.includes('password') && !byApp.has(a.id))
        .map((a) => ({ applicationId: a.id, applicationName: a.name, owner: nameOf(a.ownerId) }))
        .sort((a, b) => a.applicationName.localeCompare(b.applicationName));
    return {
        since: iso(since),
        days: deps.days,
        applicationsUsing: applications.length,
        usersUsing: new Set(uses.map((u) => u.userId)).size,
        tokens: uses.reduce((n, u) => n + u.tokens, 0),
        applications,
        allowedButUnused,
    };
}
//# sourceMappingURL=password-grant-report.js.map