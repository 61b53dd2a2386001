import { ApiError, forbidden } from '../http/api-error.js';
import { readCookie, SESSION_COOKIE } from '../http/cookies.js';
import { sameToken } from './sessions.js';
/** Header the web UI sends with each call so a missing session never triggers a Basic dialog. */
export const UI_HEADER = 'x-tollgate-ui';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** 401 without WWW-Authenticate: the browser must show the sign-in page, not a Basic dialog. */
export const sessionExpired = () => new ApiError(401, 'Unauthorized', 'You are not signed in, or your session has expired. Sign in again.');
/**
 * True when the request comes from a page of this origin. Browsers send Origin on every
 * cross-origin and every unsafe same-origin request; Sec-Fetch-Site where supported. (OWASP
 * CSRF Prevention: verifying origin with standard headers.)
 */
export function sameOrigin(req) {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin')
        return false;
    const origin = req.headers.origin;
    return origin !== undefined && origin === `https://${req.headers.host ?? ''}`;
}
/**
 * The web UIs' session cookie. Unsafe methods also need the session's synchronizer token in
 * X-CSRF-Token and a same-origin Origin (OWASP CSRF Prevention: synchronizer token pattern
 * plus origin verification; SameSite=Strict is a third layer).
 */
export function sessionPrincipal(sessions, findPrincipal) {
    return async (req) => {
        const id = readCookie(req.headers.cookie, SESSION_COOKIE);
        if (!id) {
            if (req.headers[UI_HEADER] !== undefined)
                throw sessionExpired();
            return undefined;
        }
        const session = await sessions.resume(id);
        const principal = session && (await findPrincipal(session.userId));
        if (!session || !principal)
            throw sessionExpired();
        if (!SAFE_METHODS.has(req.method)) {
            const token = req.headers[CSRF_HEADER];
            if (typeof token !== 'string' || !sameToken(token, session.csrfToken)) {
                throw forbidden('The request lacks a valid CSRF token; reload the page and try again.');
            }
            if (!sameOrigin(req))
                throw forbidden('Cross-origin requests are refused.');
        }
        return principal;
    };
}
//# sourceMappingURL=session-principal.js.map