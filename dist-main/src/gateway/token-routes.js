import { OAUTH_ROUTE } from '../http/error-renderer.js';
import { TemporarilyUnavailableError } from '../http/oauth-error.js';
const TOKEN_PATHS = { '/token': '/oauth2/token', '/revoke': '/oauth2/revoke' };
const BODY_LIMIT = 56 * 1024;
/** /token and /revoke on the Gateway, passed through to a remote Key Manager. */
export function registerTokenPassThrough(app, km) {
    app.register(async (scope) => {
        scope.removeAllContentTypeParsers();
        scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));
        for (const [path, target] of Object.entries(TOKEN_PATHS)) {
            scope.all(path, OAUTH_ROUTE, async (req, reply) => {
                const forwardedFor = req.headers['x-forwarded-for'];
                let res;
                try {
                    res = await km.forward(target, {
                        'content-type': req.headers['content-type'],
                        authorization: req.headers.authorization,
                        'x-forwarded-for': forwardedFor ? `${forwardedFor}, ${req.ip}` : req.ip,
                    }, Buffer.isBuffer(req.body) ? req.body : undefined);
                }
                catch (err) {
                    req.log.warn({ err }, 'key manager unreachable');
                    throw new TemporarilyUnavailableError('The Key Manager is unreachable; retry later.', 2, {
                        cause: err,
                    });
                }
                return reply.code(res.status).headers(res.headers).send(res.body);
            });
        }
    });
}
/**
 * R1: the Token API is never served over plain HTTP. The request is answered before its body
 * is read, pointing to the HTTPS URL; no redirect (ASVS 5.0 4.1.2).
 */
export function refuseTokenApiOverHttp(app, httpsBase) {
    app.addHook('onRequest', async (req, reply) => {
        const path = req.url.split('?')[0];
        if (path === '/token' || path === '/revoke' || path.startsWith('/oauth2/')) {
            reply.header('connection', 'close');
            return reply
                .code(400)
                .headers({ 'cache-control': 'no-store', pragma: 'no-cache' })
                .send({
                error: 'invalid_request',
                error_description: `TLS is required: use ${httpsBase}${path}`,
            });
        }
        return undefined;
    });
}
//# sourceMappingURL=token-routes.js.map