import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import {
  createBackendJwtSigner,
  createProxy,
  loadBackendJwtKey,
  registerBackendJwks,
  type BackendJwtSigner,
  createTokenValidator,
  registerApiRoutes,
  startConfigSync,
  type ControlPlane,
} from '../gateway/index.js';
import type { HitCounter } from '../ratelimit/index.js';

/** The Gateway's request path: config sync, token validation, throttling and the proxy, served on the given servers. */
export async function startGatewayRuntime(deps: {
  config: Config;
  log: Logger;
  controlPlane: ControlPlane;
  counter: HitCounter;
  https: FastifyInstance;
  http: FastifyInstance;
}) {
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
  let backendJwt: BackendJwtSigner | undefined;
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
    direct: config.protection.trustedProxies.length === 0,
  };
  registerApiRoutes(deps.https, { ...shared, proto: 'https' });
  registerApiRoutes(deps.http, { ...shared, proto: 'http' });
  return {
    sync,
    /** Loads the proxy's HTTP client, deferred from start-up. */
    warm: () => proxy.warm(),
    async close(): Promise<void> {
      await sync.stop();
      await proxy.close();
      await deps.controlPlane.close();
    },
  };
}
