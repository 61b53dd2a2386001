import { OAUTH_ROUTE } from '../http/error-renderer.js';
import { NO_STORE } from '../http/responses.js';
/** R7: small bodies only, refused before they are buffered. */
export const OAUTH_BODY_LIMIT = 56 * 1024;
export function toOAuthRequest(req) {
    return {
        contentType: req.headers['content-type'],
        authorization: req.headers.authorization,
        body: req.body,
        ip: req.ip,
    };
}
/**
 * Registers the POST-only OAuth endpoints (token, revoke) under the given paths. Used by the
 * Key Manager (/oauth2/...) and, in one process, by the Gateway (/token, /revoke).
 */
export function registerTokenRoutes(app, km, paths) {
    app.register(async (scope) => {
        // Every body reaches the endpoint raw; it checks the content type itself (R3) and
        // parses strictly (form.ts). Query parameters are never read.
        scope.removeAllContentTypeParsers();
        scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: OAUTH_BODY_LIMIT }, (_req, body, done) => done(null, body));
        const postOnly = (url, handler) => {
            scope.post(url, OAUTH_ROUTE, async (req, reply) => {
                const result = await handler(req);
                reply.headers(NO_STORE);
                return result === undefined ? reply.code(200).send() : reply.code(200).send(result);
            });
            // RFC 6749 §3.2: POST only (R2).
            scope.route({
                method: ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
                url,
                ...OAUTH_ROUTE,
                handler: async (_req, reply) => reply
                    .code(405)
                    .header('allow', 'POST')
                    .headers(NO_STORE)
                    .send({ error: 'invalid_request', error_description: 'Use POST.' }),
            });
        };
        postOnly(paths.token, (req) => km.token(toOAuthRequest(req)));
        postOnly(paths.revoke, (req) => km.revoke(toOAuthRequest(req)));
        if (paths.introspect)
            postOnly(paths.introspect, (req) => km.introspect(toOAuthRequest(req)));
    });
}
export function registerKeyManagerRoutes(app, km) {
    registerTokenRoutes(app, km, {
        token: '/oauth2/token',
        revoke: '/oauth2/revoke',
        introspect: '/oauth2/introspect',
    });
    app.get('/oauth2/jwks', async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send(km.jwks()));
    app.get('/.well-known/oauth-authorization-server', async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send(await km.metadata()));
}
//# sourceMappingURL=routes.js.map