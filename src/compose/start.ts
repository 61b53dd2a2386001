import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createAuditRecorder, type AuditEvent } from '../audit/index.js';
import type { Config } from '../config/index.js';
import { ConfigError } from '../config/index.js';
import {
  withLastKnownConfig,
  createControlPlaneClient,
  createKeyManagerClient,
  refuseTokenApiOverHttp,
  registerTokenPassThrough,
  type ControlPlane,
  type KeyManagerClient,
} from '../gateway/index.js';
import { refuseCrossSiteWrites } from '../http/cross-site.js';
import { createLogger } from '../http/logger.js';
import { scheduleCleanup } from './cleanup-schedule.js';
import { createHttpServer } from '../http/server.js';
import { isStoreUnavailable, trimNativeHeapEvery } from '../store/index.js';
import { loadTls } from '../http/tls.js';
import {
  createKeyManager,
  createLoginThrottle,
  registerKeyManagerRoutes,
  registerTokenRoutes,
  SigningKeys,
} from '../keymanager/index.js';
import type { HashRunner } from '../identity/index.js';
import { createMetrics } from '../metrics/index.js';
import { createRedisHitCounter, MemoryHitCounter, type HitCounter } from '../ratelimit/index.js';
import { createPasswordSignIn } from './password-sign-in.js';
import { bootstrapAdmin } from './bootstrap-admin.js';
import { registerControlPlaneRoutes } from './control-plane.js';
import { createEventSink } from './event-sink.js';
import type { SnapshotBuilder } from './gateway-snapshot.js';
import { startGatewayRuntime } from './gateway.js';
import { createLocalControlPlane } from './local-control-plane.js';
import type { Profile } from './profiles.js';
import { createServices } from './services.js';
import { registerWebUi } from './web.js';

export { PROFILES, type Profile } from './profiles.js';

export interface RunningTollgate {
  readonly urls: {
    readonly gateway?: string;
    readonly gatewayHttp?: string;
    readonly management?: string;
  };
  close(): Promise<void>;
}

export interface StartOptions {
  /** The clock of locks, throttles and audit times (tests inject one). */
  readonly now?: () => number;
  /** Hit counters of throttles and tiers; by default from [redis] url, else in this process. */
  readonly counter?: HitCounter;
  /** Where password hashes run; by default a pool in this process (a cluster worker: the primary's). */
  readonly hashRunner?: HashRunner;
}

/** Throttle counters: shared through Redis when [redis] url is set, else in this process. */
async function createCounter(config: Config, now: () => number): Promise<HitCounter> {
  if (!config.redis.url) return new MemoryHitCounter(now);
  const redis = await createRedisHitCounter({
    url: config.redis.url,
    keyPrefix: config.redis.keyPrefix,
    now,
  });
  // Give Redis a moment to connect so the first requests are counted; if it is down the
  // throttles let requests through (the per-account lock still holds) until it is back.
  await Promise.race([
    redis.ready().catch(() => undefined),
    new Promise((r) => setTimeout(r, 2000).unref()),
  ]);
  return redis;
}

/** The Gateway's view of the control plane: in this process, or over HTTPS with the shared secret. */
function gatewayControlPlane(
  config: Config,
  local: { build: SnapshotBuilder; km: ReturnType<typeof createKeyManager> } | undefined,
  ca: string[],
): ControlPlane {
  if (local && !config.keyManager.serverUrl) return createLocalControlPlane(local.build, local.km);
  if (!config.gateway.sharedSecret) {
    throw new ConfigError(
      'a Gateway apart from its control plane needs [apim.gateway] shared_secret (the same value as on the control plane)',
    );
  }
  const host = config.hostname.includes(':') ? `[${config.hostname}]` : config.hostname;
  const client = createControlPlaneClient({
    serverUrl: config.keyManager.serverUrl || `https://${host}:${config.ports.management}`,
    ca,
    sharedSecret: config.gateway.sharedSecret,
  });
  return withLastKnownConfig(client, join(config.home, 'data', 'gateway'));
}

/** Starts the servers of a profile: one process runs the Gateway, the control plane, or both. */
export async function startTollgate(
  config: Config,
  profile: Profile,
  print: (line: string) => void = console.log,
  opts: StartOptions = {},
): Promise<RunningTollgate> {
  const now = opts.now ?? Date.now;
  const log = createLogger(config.logLevel, config.logFormat);
  const tls = await loadTls(config);
  const host = config.hostname.includes(':') ? `[${config.hostname}]` : config.hostname;
  const servers: FastifyInstance[] = [];
  const listeners: Array<[FastifyInstance, number]> = [];
  const closers: Array<() => Promise<unknown>> = [];
  // What can wait until the ports are open (the first request does not need it).
  const afterListen: Array<() => Promise<unknown>> = [];
  const urls: { gateway?: string; gatewayHttp?: string; management?: string } = {};
  const serverOpts = {
    transport: config.transport,
    logger: log,
    trustedProxies: config.protection.trustedProxies,
    unavailable: isStoreUnavailable,
  };

  // The OAuth routes are served straight from node:http unless the client address comes from
  // X-Forwarded-For (keymanager/direct-calls.ts), as the Gateway's API calls are.
  const direct = config.protection.trustedProxies.length === 0;
  let localKeyManager: ReturnType<typeof createKeyManager> | undefined;
  let snapshotBuilder: SnapshotBuilder | undefined;
  // One set of counters for the Token API throttles and the Gateway's tiers.
  const counter = opts.counter ?? (await createCounter(config, now));
  if (!opts.counter) closers.push(() => counter.close());
  // The C heap's free pages go back to the system (a token load leaves tens of MB of them).
  const stopTrimming = trimNativeHeapEvery();
  closers.push(async () => stopTrimming());
  try {
    if (profile !== 'gateway') {
      const svc = await createServices(config, {
        now,
        ...(opts.hashRunner ? { hashRunner: opts.hashRunner } : {}),
      });
      closers.push(svc.close);
      await bootstrapAdmin(svc, print);
      const keys = await SigningKeys.load(
        svc.stores.signingKeys,
        config.token.jwtAlgorithm,
        Date.now(),
      );
      const recorder = createAuditRecorder({
        store: svc.stores.audit,
        onError: (err, lost) => log.warn({ err, lost }, 'audit events could not be written'),
      });
      // Closed before the database: pending audit rows are written first.
      closers.unshift(recorder.close);
      const metrics = config.metricsEnabled
        ? createMetrics({ hashPool: svc.hasher, auditDropped: () => recorder.dropped })
        : undefined;
      if (metrics) afterListen.push(metrics.load);
      // Admin actions and management-API sign-in failures: the same audit log and counters.
      const audit = (row: AuditEvent) => {
        recorder.record(row);
        metrics?.refusal(row.type, row.reason);
      };
      const throttle = createLoginThrottle(counter, config.protection, (err) =>
        log.warn({ err }, 'throttle counters unavailable; not throttling'),
      );
      const sink = createEventSink({ log, recorder, metrics, now });
      const settings = svc.settings;
      localKeyManager = createKeyManager({
        config: config.token,
        users: svc.users,
        applications: svc.stores.applications,
        scopes: svc.stores.scopes,
        tokens: svc.stores.tokens,
        authorizations: svc.stores.authorizations,
        keys,
        throttle,
        now,
        shedPauseMs: config.protection.shedPauseMs,
        events: sink,
        // The admin's password-grant switch is read per request (R21), under deployment.toml's
        // ceiling: `[oauth.grant_type.password] enable = false` refuses it whatever the admin set.
        grantEnabled: async (g) =>
          config.token.enabledGrants.includes(g) &&
          (g !== 'password' || (await settings.get()).passwordGrant),
      });
      const mgmt = createHttpServer({ ...serverOpts, tls });
      // Before any route: every management REST write a browser says another site sent is refused.
      refuseCrossSiteWrites(mgmt, '/api/');
      registerKeyManagerRoutes(mgmt, localKeyManager, { direct });
      // Every management REST route admits the web session (pages) or HTTP Basic (scripts);
      // web sign-in and Basic check the password like a password grant (the same per-address
      // and spraying throttle, lockout, bounded hashing, audit).
      const signIn = createPasswordSignIn({ users: svc.users, throttle, audit, now });
      const web = registerWebUi(mgmt, {
        services: svc,
        keyManager: localKeyManager,
        now,
        signIn,
        audit,
        flushAudit: recorder.flush,
      });
      closers.push(web.close);
      snapshotBuilder = registerControlPlaneRoutes(mgmt, { services: svc, km: localKeyManager });
      closers.unshift(scheduleCleanup({ services: svc, config: config.cleanup, log, now }));
      if (metrics)
        mgmt.get('/metrics', async (_req, reply) => {
          const { contentType, text } = await metrics.scrape();
          return reply.header('content-type', contentType).send(text);
        });
      mgmt.get('/health', async () => ({ status: 'ok' }));
      servers.push(mgmt);
      listeners.push([mgmt, config.ports.management]);
      urls.management = `https://${host}:${config.ports.management}`;
    }

    if (profile !== 'control-plane') {
      const gw = createHttpServer({ ...serverOpts, tls });
      // The remote Key Manager's CA (ca_file), else this server's own certificate (same host). Not both:
      // two self-signed "localhost" certificates in one trust list make the lookup pick the wrong one.
      const ca = [
        config.keyManager.caFile ? readFileSync(config.keyManager.caFile, 'utf8') : tls.cert,
      ];
      if (localKeyManager && !config.keyManager.serverUrl) {
        registerTokenRoutes(
          gw,
          localKeyManager,
          { token: '/token', revoke: '/revoke' },
          { direct },
        );
      } else {
        const km: KeyManagerClient = createKeyManagerClient({
          serverUrl: config.keyManager.serverUrl || `https://${host}:${config.ports.management}`,
          ca,
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

      const local =
        localKeyManager && snapshotBuilder
          ? { build: snapshotBuilder, km: localKeyManager }
          : undefined;
      const runtime = await startGatewayRuntime({
        config,
        log,
        controlPlane: gatewayControlPlane(config, local, ca),
        counter,
        https: gw,
        http: plain,
      });
      closers.unshift(runtime.close);
      // The proxy's HTTP client (undici, ~15 MB with what it sets up) loads once the Gateway has
      // an API to proxy to, so an idle server without APIs stays small (a backend call before
      // that waits for it).
      const warm = setInterval(() => {
        if (!runtime.sync.table()?.snapshot.apis.length) return;
        clearInterval(warm);
        void runtime.warm().catch(() => undefined);
      }, 500);
      warm.unref();
      closers.unshift(async () => clearInterval(warm));
      listeners.push([plain, config.ports.gatewayHttp]);
      urls.gatewayHttp = `http://${host}:${config.ports.gatewayHttp}`;
    }

    for (const [server, port] of listeners) await server.listen({ port, host: config.bindAddress });
    for (const later of afterListen) later().catch(() => undefined);
  } catch (err) {
    await Promise.allSettled(servers.map((s) => s.close()));
    await runInOrder(closers);
    throw err;
  }

  return {
    urls,
    async close() {
      // Stop accepting, let in-flight requests finish (graceful drain), then release the database.
      await Promise.allSettled(servers.map((s) => s.close()));
      await runInOrder(closers);
    },
  };
}

async function runInOrder(closers: ReadonlyArray<() => Promise<unknown>>): Promise<void> {
  for (const close of closers) await close().catch(() => undefined);
}
