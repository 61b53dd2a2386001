export const BACKEND_JWKS_PATH = '/.well-known/jwks.json';
/**
 * The public key of backend JWTs (RFC 7517 JWK Set) on the Gateway's ports, for backends to
 * verify X-JWT-Assertion. Only registered when [apim.jwt] is enabled.
 */
export function registerBackendJwks(app, key) {
    const body = JSON.stringify({ keys: [key.publicJwk] });
    app.get(BACKEND_JWKS_PATH, (_req, reply) => reply
        .header('cache-control', 'public, max-age=300')
        .type('application/jwk-set+json')
        .send(body));
}
//# sourceMappingURL=jwks-route.js.map