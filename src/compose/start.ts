import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import { ConfigError } from '../config/index.js';
import { createControlPlaneClient, createKeyManagerClient, refuseTokenApiOverHttp, registerTokenPassThrough, type ControlPlane, type KeyManagerClient } from '../gateway/index.js';
import { createLogger } from '../http/logger.js';
import { createHttpServer } from '../http/server.js';
import { loadTls } from '../http/tls.js';
import { createKeyManager, registerKeyManagerRoutes, registerTokenRoutes, SigningKeys, type KeyManagerEvent } from '../keymanager/index.js';
import { MemoryHitCounter, type HitCounter } from '../ratelimit/index.js';
import { bootstrapAdmin } from './bootstrap-admin.js';
import { registerControlPlaneRoutes } from './control-plane.js';
import type { SnapshotBuilder } from './gateway-snapshot.js';
import { startGatewayRuntime } from './gateway.js';
import { createLocalControlPlane } from './local-control-plane.js';
import { createServices, type Services } from './services.js';

export type Profile = 'all' | 'control-plane' | 'gateway';
export const PROFILES: readonly Profile[] = ['all', 'control-plane', 'gateway'];

export interface RunningTollgate {
  readonly urls: { readonly gateway?: string; readonly gatewayHttp?: string; readonly management?: string };
  close(): Promise<void>;
}

function auditSink(log: Logger) {
  const audit = log.child({ audit: true });
  return (event: KeyManagerEvent) => {
    if (event.type === 'token.issued') audit.debug(event, event.type);
    else audit.info(event, event.type);
  };
}

/** The Gateway's view of the control plane: in this process, or over HTTPS with the shared secret. */
function gatewayControlPlane(config: Config, local: { build: SnapshotBuilder; km: ReturnType<typeof createKeyManager> } | undefined, ca: string[]): ControlPlane {
  if (local && !config.keyManager.serverUrl) return createLocalControlPlane(local.build, local.km);
  if (!config.gateway.sharedSecret) {
    throw new ConfigError('a Gateway apart from its control plane needs [apim.gateway] shared_secret (the same value as on the control plane)');
  }
  const host = config.hostname.includes(':') ? `[${config.hostname}]` : config.hostname;
  return createControlPlaneClient({
    serverUrl: config.keyManager.serverUrl || `https://${host}:${config.ports.management}`, ca, sharedSecret: config.gateway.sharedSecret,
  });
}

/** Starts the servers of a profile: one process runs the Gateway, the control plane, or both. */
export async function startTollgate(
  config: Config, profile: Profile, print: (line: string) => void = console.log,
  opts: { counter?: HitCounter } = {},
): Promise<RunningTollgate> {
  const log = createLogger(config.logLevel);
  const tls = await loadTls(config);
  const host = config.hostname.includes(':') ? `[${config.hostname}]` : config.hostname;
  const servers: FastifyInstance[] = [];
  const listeners: Array<[FastifyInstance, number]> = [];
  const closers: Array<() => Promise<unknown>> = [];
  const urls: { gateway?: string; gatewayHttp?: string; management?: string } = {};
  const serverOpts = { transport: config.transport, logger: log };

  let services: Services | undefined;
  let localKeyManager: ReturnType<typeof createKeyManager> | undefined;
  let snapshotBuilder: SnapshotBuilder | undefined;
  try {
    if (profile !== 'gateway') {
      services = await createServices(config);
      closers.push(services.close);
      await bootstrapAdmin(services, print);
      const keys = await SigningKeys.load(services.stores.signingKeys, config.token.jwtAlgorithm, Date.now());
      localKeyManager = createKeyManager({
        config: config.token, users: services.users, applications: services.stores.applications,
        scopes: services.stores.scopes, tokens: services.stores.tokens, keys, events: auditSink(log),
      });
      const mgmt = createHttpServer({ ...serverOpts, tls });
      registerKeyManagerRoutes(mgmt, localKeyManager);
      snapshotBuilder = registerControlPlaneRoutes(mgmt, { services, km: localKeyManager });
      mgmt.get('/health', async () => ({ status: 'ok' }));
      servers.push(mgmt);
      listeners.push([mgmt, config.ports.management]);
      urls.management = `https://${host}:${config.ports.management}`;
    }

    if (profile !== 'control-plane') {
      const gw = createHttpServer({ ...serverOpts, tls });
      // The remote Key Manager's CA (ca_file), else this server's own certificate (same host). Not both:
      // two self-signed "localhost" certificates in one trust list make the lookup pick the wrong one.
      const ca = [config.keyManager.caFile ? readFileSync(config.keyManager.caFile, 'utf8') : tls.cert];
      if (localKeyManager && !config.keyManager.serverUrl) {
        registerTokenRoutes(gw, localKeyManager, { token: '/token', revoke: '/revoke' });
      } else {
        const km: KeyManagerClient = createKeyManagerClient({
          serverUrl: config.keyManager.serverUrl || `https://${host}:${config.ports.management}`, ca,
        });
        closers.push(km.close);
        registerTokenPassThrough(gw, km);
      }
      gw.get('/health', async () => ({ status: 'ok' }));
      servers.push(gw);
      listeners.push([gw, config.ports.gatewayHttps]);
      urls.gateway = `https://${host}:${config.ports.gatewayHttps}`;

      const plain = createHttpServer(serverOpts);
      refuseTokenApiOverHttp(plain, urls.gateway);
      plain.get('/health', async () => ({ status: 'ok' }));
      servers.push(plain);

      const counter = opts.counter ?? new MemoryHitCounter();
      if (!opts.counter) closers.push(() => counter.close());
      const local = localKeyManager && snapshotBuilder ? { build: snapshotBuilder, km: localKeyManager } : undefined;
      const runtime = await startGatewayRuntime({
        config, log, controlPlane: gatewayControlPlane(config, local, ca), counter, https: gw, http: plain,
      });
      closers.unshift(runtime.close);
      listeners.push([plain, config.ports.gatewayHttp]);
      urls.gatewayHttp = `http://${host}:${config.ports.gatewayHttp}`;
    }

    for (const [server, port] of listeners) await server.listen({ port, host: config.bindAddress });
  } catch (err) {
    await Promise.allSettled(servers.map((s) => s.close()));
    await Promise.allSettled(closers.map((c) => c()));
    throw err;
  }

  return {
    urls,
    async close() {
      // Stop accepting, let in-flight requests finish, then release the database.
      await Promise.allSettled(servers.map((s) => s.close()));
      await Promise.allSettled(closers.map((c) => c()));
    },
  };
}
