import { forbidden } from './api-error.js';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * True when a browser says another site or origin made this request. Browsers send
 * Sec-Fetch-Site on every request (Fetch Metadata) and Origin on every cross-origin unsafe
 * one; "same-site" is refused too, since another port of this host (the Gateway, serving API
 * backends' pages) is same-site. A request with neither header comes from a script (curl, an
 * SDK), which holds its credentials itself and cannot be made to send them by a web page.
 * (OWASP CSRF Prevention: Fetch Metadata and standard-header origin verification.)
 */
export function crossSite(req) {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined)
        return site !== 'same-origin' && site !== 'none';
    const origin = req.headers.origin;
    return origin !== undefined && origin !== `https://${req.headers.host ?? ''}`;
}
/**
 * Refuses every state-changing request under `prefix` that a browser says another site sent,
 * whatever its credentials. A session cookie is not the only ambient credential: HTTP Basic
 * credentials a browser once typed, or a client certificate, ride along on a cross-site
 * `text/plain` POST too, which needs no CORS preflight.
 */
export function refuseCrossSiteWrites(app, prefix) {
    app.addHook('onRequest', async (req) => {
        if (SAFE_METHODS.has(req.method) || !req.url.startsWith(prefix))
            return;
        if (crossSite(req))
            throw forbidden('Cross-origin requests are refused.');
    });
}
//# sourceMappingURL=cross-site.js.map