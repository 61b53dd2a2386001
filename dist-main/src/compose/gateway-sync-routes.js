import { timingSafeEqual, createHash } from 'node:crypto';
import { ApiError } from '../http/api-error.js';
import { bearerCredential } from '../http/bearer.js';
import { NO_STORE } from '../http/responses.js';
const digest = (s) => createHash('sha256').update(s).digest();
/** The shared gateway secret as a bearer credential, compared in constant time. */
function checkGatewaySecret(secret) {
    const expected = digest(secret);
    return async (req) => {
        const given = bearerCredential(req.headers.authorization) ?? '';
        if (!given || !timingSafeEqual(digest(given), expected)) {
            throw new ApiError(401, 'Unauthorized', 'A Gateway must present [apim.gateway] shared_secret.', {
                headers: { 'www-authenticate': 'Bearer realm="tollgate-gateway-sync"' },
            });
        }
    };
}
/**
 * /internal/gateway/v1 on the management port: what separate Gateways poll (snapshot, with
 * ETag) and call (introspection of any client's access token). Only registered when
 * [apim.gateway] shared_secret is set.
 */
export function registerGatewaySyncRoutes(app, deps) {
    app.register(async (scope) => {
        scope.addHook('preHandler', checkGatewaySecret(deps.secret));
        scope.get('/internal/gateway/v1/snapshot', async (req, reply) => {
            const { etag, body } = await deps.build();
            reply.headers({ ...NO_STORE, etag });
            if (req.headers['if-none-match'] === etag)
                return reply.code(304).send();
            return reply.type('application/json').send(body);
        });
        scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
            done(null, new URLSearchParams(body));
        });
        scope.post('/internal/gateway/v1/introspect', async (req, reply) => {
            const token = req.body instanceof URLSearchParams ? req.body.get('token') : null;
            if (!token)
                throw new ApiError(400, 'Bad Request', 'The token parameter is required.');
            return reply.headers(NO_STORE).send(await deps.km.introspectForGateway(token));
        });
    });
}
//# sourceMappingURL=gateway-sync-routes.js.map