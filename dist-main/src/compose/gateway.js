import { createBackendJwtSigner, createProxy, loadBackendJwtKey, registerBackendJwks, createTokenValidator, registerApiRoutes, startConfigSync, } from '../gateway/index.js';
/** The Gateway's request path: config sync, token validation, throttling and the proxy, served on the given servers. */
export async function startGatewayRuntime(deps) {
    const { config } = deps;
    const sync = startConfigSync({
        controlPlane: deps.controlPlane,
        intervalMs: config.gateway.syncIntervalMs,
        log: deps.log,
    });
    await sync.start();
    const tokens = createTokenValidator({
        controlPlane: deps.controlPlane,
        introspectionTtlMs: config.gateway.tokenCacheTtlMs,
    });
    const proxy = createProxy({ timeoutMs: config.gateway.backendTimeoutMs });
    const jwt = config.gateway.backendJwt;
    let backendJwt;
    if (jwt.enabled) {
        const key = await loadBackendJwtKey(jwt.keyFile, jwt.algorithm);
        backendJwt = createBackendJwtSigner({
            key,
            issuer: jwt.issuer,
            expirySeconds: jwt.expirySeconds,
        });
        registerBackendJwks(deps.https, key);
        registerBackendJwks(deps.http, key);
    }
    const shared = {
        sync,
        tokens,
        counter: deps.counter,
        proxy,
        cors: config.gateway.cors,
        assertionHeader: jwt.header,
        ...(backendJwt ? { backendJwt } : {}),
    };
    registerApiRoutes(deps.https, { ...shared, proto: 'https' });
    registerApiRoutes(deps.http, { ...shared, proto: 'http' });
    return {
        sync,
        /** Loads the proxy's HTTP client, deferred from start-up. */
        warm: () => proxy.warm(),
        async close() {
            await sync.stop();
            await proxy.close();
            await deps.controlPlane.close();
        },
    };
}
//# sourceMappingURL=gateway.js.map