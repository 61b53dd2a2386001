import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import { createKeyManagerClient, refuseTokenApiOverHttp, registerTokenPassThrough, type KeyManagerClient } from '../gateway/index.js';
import { createLogger } from '../http/logger.js';
import { createHttpServer } from '../http/server.js';
import { loadTls } from '../http/tls.js';
import { createKeyManager, registerKeyManagerRoutes, registerTokenRoutes, SigningKeys, type KeyManagerEvent } from '../keymanager/index.js';
import { bootstrapAdmin } from './bootstrap-admin.js';
import { createServices, type Services } from './services.js';
import { createFailedLoginCounter } from '../admin/failed-logins.js';
import { countFailedLogins, registerWebUi } from './web.js';

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

/** Starts the servers of a profile: one process runs the Gateway, the control plane, or both. */
export async function startTollgate(
  config: Config, profile: Profile, print: (line: string) => void = console.log, opts: { now?: () => number } = {},
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
  try {
    if (profile !== 'gateway') {
      services = await createServices(config);
      closers.push(services.close);
      await bootstrapAdmin(services, print);
      const keys = await SigningKeys.load(services.stores.signingKeys, config.token.jwtAlgorithm, Date.now());
      const settings = services.settings;
      const failedLogins = createFailedLoginCounter(opts.now);
      const audit = auditSink(log);
      const countFailed = countFailedLogins(failedLogins);
      localKeyManager = createKeyManager({
        config: config.token, users: services.users, applications: services.stores.applications,
        scopes: services.stores.scopes, tokens: services.stores.tokens, keys,
        events: (e) => { audit(e); countFailed(e); },
        // The admin's password-grant switch is read per request (R21).
        grantEnabled: async (g) => (g === 'password' ? (await settings.get()).passwordGrant : config.token.enabledGrants.includes(g)),
      });
      const mgmt = createHttpServer({ ...serverOpts, tls });
      registerKeyManagerRoutes(mgmt, localKeyManager);
      const web = registerWebUi(mgmt, { services, keyManager: localKeyManager, failedLogins, ...(opts.now ? { now: opts.now } : {}) });
      closers.push(web.close);
      mgmt.get('/health', async () => ({ status: 'ok' }));
      servers.push(mgmt);
      listeners.push([mgmt, config.ports.management]);
      urls.management = `https://${host}:${config.ports.management}`;
    }

    if (profile !== 'control-plane') {
      const gw = createHttpServer({ ...serverOpts, tls });
      if (localKeyManager && !config.keyManager.serverUrl) {
        registerTokenRoutes(gw, localKeyManager, { token: '/token', revoke: '/revoke' });
      } else {
        const ca = [tls.cert, ...(config.keyManager.caFile ? [readFileSync(config.keyManager.caFile, 'utf8')] : [])];
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
