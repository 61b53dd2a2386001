import { adminAuditEvent } from '../audit/index.js';
import { params } from '../http/route-schema.js';
/** R23: an admin can end a lock at once; the escalation starts again from the first step. */
export function registerLockoutRoutes(app, deps) {
    const unlock = {
        summary: 'End a lock now (the escalation restarts)',
        params: params('username'),
    };
    app.post('/users/:username/unlock', { schema: unlock }, async (req) => {
        // An unknown user is the IdentityError's own 404.
        const wasLocked = await deps.users.unlock(req.params.username);
        const user = await deps.users.get(req.params.username);
        deps.audit(adminAuditEvent(deps.now(), 'account.unlocked', user.username, req.principal?.username ?? 'unknown'));
        return { username: user.username, unlocked: true, hadFailures: wasLocked };
    });
    const locked = { summary: 'Accounts locked now, with the end of the lock' };
    app.get('/locked-accounts', { schema: locked }, async () => {
        const list = await deps.users.listLocked();
        return {
            count: list.length,
            list: list.map((l) => ({
                username: l.username,
                lockedUntil: new Date(l.lockedUntil).toISOString(),
            })),
        };
    });
}
//# sourceMappingURL=lockout-routes.js.map