import { ApiError, badRequest, forbidden } from '../http/api-error.js';
import { obj, str } from '../http/route-schema.js';
import { jsonBody } from './owned-application.js';
const HOUR_MS = 3_600_000;
/** Self sign-up on the Developer Portal, when the admin allows it (R50: rate-limited per IP). */
export function registerSignupRoutes(app, deps) {
    app.get('/signup', { schema: { summary: 'Whether self sign-up is enabled', security: [] } }, async () => ({
        enabled: (await deps.settings.get()).selfSignup,
    }));
    const schema = {
        summary: 'Self sign-up (403 when disabled by the admin, 429 beyond the per-IP limit)',
        security: [],
        body: obj({ username: str(), password: str() }, ['username', 'password']),
        successStatus: 201,
    };
    app.post('/signup', { schema }, async (req, reply) => {
        if (!(await deps.settings.get()).selfSignup)
            throw forbidden('Self sign-up is disabled on this server; ask an administrator for an account.');
        const b = jsonBody(req);
        const username = typeof b['username'] === 'string' ? b['username'] : '';
        const password = typeof b['password'] === 'string' ? b['password'] : '';
        if (!username || !password)
            throw badRequest('Enter a username and a password.');
        const hit = await deps.attempts.hit(`signup:${req.ip}`, HOUR_MS);
        if (hit.count > deps.perHour) {
            const retry = String(Math.ceil(hit.resetInMs / 1000));
            throw new ApiError(429, 'Too Many Requests', 'Too many sign-ups from your address; try again later.', { headers: { 'retry-after': retry } });
        }
        // Self-registered users get no role: scopes bound to roles need an admin's grant.
        const user = await deps.users.create({ username, password, roles: [] });
        return reply.code(201).send({ username: user.username, roles: user.roles });
    });
}
//# sourceMappingURL=signup-routes.js.map