import { ApiError, badRequest, forbidden } from '../http/api-error.js';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie, } from '../http/cookies.js';
import { NO_STORE } from '../http/responses.js';
import { obj, str } from '../http/route-schema.js';
import { CSRF_HEADER, sameOrigin } from './session-principal.js';
import { sameToken } from './sessions.js';
const body = (req) => (req.body ?? {});
const text = (v) => (typeof v === 'string' ? v : '');
/**
 * Web sign-in: POST /api/session (username, password) sets the session cookie and returns
 * the CSRF token; GET /api/session says who is signed in (and repeats the token for a reloaded
 * page); DELETE /api/session signs out.
 *
 * "Who am I" is a question, not an access: a visitor who is not signed in gets 200
 * `{"signedIn": false}`, not a 401 (which browsers log as a failed request on every page load).
 */
export function registerSessionRoutes(app, deps) {
    const view = (p, csrfToken, expiresAt) => ({
        signedIn: true,
        username: p.username,
        roles: p.roles,
        csrfToken,
        expiresAt,
    });
    const credentials = obj({ username: str(), password: str() }, ['username', 'password']);
    app.post('/api/session', {
        schema: {
            summary: 'Sign in to the web UIs: sets the session cookie, returns the CSRF token',
            security: [],
            body: credentials,
            successStatus: 201,
        },
    }, async (req, reply) => {
        // Login CSRF: a sign-in posted by another site's page is refused by refuseCrossSiteWrites.
        const username = text(body(req)['username']);
        const password = text(body(req)['password']);
        if (!username || !password)
            throw badRequest('Enter your username and password.');
        const hit = await deps.attempts.hit(`signin:${req.ip}`, 60_000);
        if (hit.count > deps.attemptsPerMinute) {
            const retry = String(Math.ceil(hit.resetInMs / 1000));
            throw new ApiError(429, 'Too Many Requests', `Too many sign-in attempts; retry in ${retry} seconds.`, { headers: { 'retry-after': retry } });
        }
        const principal = await deps.checkPassword(username, password, req.ip);
        if (!principal) {
            throw new ApiError(401, 'Unauthorized', 'The username or password is wrong.');
        }
        const previous = readCookie(req.headers.cookie, SESSION_COOKIE);
        const session = await deps.sessions.start(principal.userId, previous);
        return reply
            .headers(NO_STORE)
            .header('set-cookie', sessionCookie(session.id, deps.sessions.timeouts.absoluteSeconds))
            .code(201)
            .send(view(principal, session.csrfToken, session.expiresAt));
    });
    app.get('/api/session', {
        schema: {
            summary: 'Who is signed in (and the CSRF token for this session); {"signedIn": false} when nobody is',
            security: [],
        },
    }, async (req, reply) => {
        const id = readCookie(req.headers.cookie, SESSION_COOKIE);
        const session = id ? await deps.sessions.resume(id) : undefined;
        const principal = session && (await deps.findPrincipal(session.userId));
        if (!session || !principal) {
            // A cookie of an ended session is cleared, so the browser stops sending it.
            if (id)
                reply.header('set-cookie', clearedSessionCookie());
            return reply.headers(NO_STORE).send({ signedIn: false });
        }
        return reply.headers(NO_STORE).send(view(principal, session.csrfToken, session.expiresAt));
    });
    // Sign-out is state-changing too: same origin and the session's CSRF token.
    app.delete('/api/session', { schema: { summary: 'Sign out', successStatus: 204 } }, async (req, reply) => {
        if (!sameOrigin(req))
            throw forbidden('Cross-origin requests are refused.');
        const id = readCookie(req.headers.cookie, SESSION_COOKIE);
        const session = id ? await deps.sessions.resume(id) : undefined;
        if (id && session) {
            const token = req.headers[CSRF_HEADER];
            if (typeof token !== 'string' || !sameToken(token, session.csrfToken))
                throw forbidden('The request lacks a valid CSRF token; reload the page and try again.');
            await deps.sessions.end(id);
        }
        return reply.headers(NO_STORE).header('set-cookie', clearedSessionCookie()).code(204).send();
    });
}
//# sourceMappingURL=session-routes.js.map