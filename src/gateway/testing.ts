// An in-process Gateway for tests: the real routes, token validator, counters and proxy, over a
// stub control plane (a fixed snapshot, opaque tokens from a table) and a real HTTP backend on
// loopback that echoes what it received. Requests go in with Fastify's inject().
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_CORS } from '../config/cors.js';
import { createHttpServer } from '../http/server.js';
import { createLogger } from '../http/logger.js';
import { MemoryHitCounter } from '../ratelimit/memory-counter.js';
import { registerApiRoutes } from './api-routes.js';
import { startConfigSync } from './config-sync.js';
import { createBackendJwtSigner } from './backend-jwt.js';
import type { BackendJwtKey } from './backend-jwt-key.js';
import { registerBackendJwks } from './jwks-route.js';
import { createProxy, DEFAULT_ASSERTION_HEADER } from './proxy.js';
import type {
  ControlPlane,
  GatewaySnapshot,
  IntrospectionResult,
  SnapshotApi,
  SnapshotCors,
} from './snapshot.js';
import { createTokenValidator } from './token-validator.js';

/** What the echo backend received, as JSON in its answer. */
export interface Echo {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[]>;
  readonly body: string;
}

export type BackendHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

/** Answers 200 with the Echo of the request. */
export const echo: BackendHandler = (req, res, body) => {
  const answer: Echo = {
    method: req.method ?? '',
    url: req.url ?? '',
    headers: req.headers as Record<string, string | string[]>,
    body: body.toString('utf8'),
  };
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(answer));
};

/** One published API at /shop/1.0 with GET /items (token), POST /orders (scope "write"), GET /open (no token). */
export function testApi(overrides: Partial<SnapshotApi> = {}): SnapshotApi {
  return {
    id: 'api-1',
    name: 'Shop',
    version: '1.0',
    path: '/shop/1.0',
    status: 'PUBLISHED',
    productionUrl: 'http://backend.invalid/prod',
    sandboxUrl: '',
    resources: [
      { method: 'GET', uriTemplate: '/items', authType: 'oauth', scope: null },
      { method: 'POST', uriTemplate: '/orders', authType: 'oauth', scope: 'write' },
      { method: 'GET', uriTemplate: '/open', authType: 'none', scope: null },
    ],
    ...overrides,
  };
}

/** The snapshot: testApi(), application app-1 (consumer key ck-1) subscribed on tier Gold. */
export function testSnapshot(overrides: Partial<GatewaySnapshot> = {}): GatewaySnapshot {
  return {
    issuer: 'https://km.test',
    audience: 'https://gw.test',
    tiers: [
      { name: 'Gold', requestsPerMinute: 5000 },
      { name: 'Tiny', requestsPerMinute: 2 },
      { name: 'Unlimited', requestsPerMinute: null },
    ],
    applicationPolicies: [
      { name: 'Unlimited', requestsPerMinute: null },
      { name: '2PerMin', requestsPerMinute: 2 },
    ],
    applications: [
      { id: 'app-1', throttlingPolicy: 'Unlimited', name: 'ShopApp', subscriber: 'olivia' },
    ],
    apis: [testApi()],
    subscriptions: [
      {
        apiId: 'api-1',
        applicationId: 'app-1',
        consumerKey: 'ck-1',
        environment: 'production',
        tier: 'Gold',
      },
    ],
    revokedJtis: [],
    ...overrides,
  };
}

/** An active opaque token of consumer key ck-1 for user-1. */
export function activeToken(
  overrides: Partial<Extract<IntrospectionResult, { active: true }>> = {},
): IntrospectionResult {
  return {
    active: true,
    client_id: 'ck-1',
    scope: 'write',
    exp: Math.floor(Date.now() / 1000) + 3600,
    sub: 'user-1',
    ...overrides,
  };
}

export interface TestGateway {
  readonly app: FastifyInstance;
  /** The backend's base URL; APIs whose productionUrl starts with "http://backend.invalid" are sent there. */
  readonly backendUrl: string;
  close(): Promise<void>;
}

/**
 * Starts a backend and a Gateway over `snapshot` (its APIs' "http://backend.invalid" is
 * replaced by the backend's address). `tokens` maps opaque tokens to their introspection;
 * any other token is inactive.
 */
export async function startTestGateway(
  opts: {
    snapshot?: GatewaySnapshot;
    tokens?: Record<string, IntrospectionResult>;
    backend?: BackendHandler;
    now?: () => number;
    /** Replaces parts of the stub control plane (an outage, a JWKS). */
    controlPlane?: Partial<ControlPlane>;
    /** The Gateway's [apim.cors] (default: the deployment.toml defaults). */
    cors?: SnapshotCors;
    /** [apim.jwt] enabled with this key (JWKS served at /.well-known/jwks.json). */
    backendJwt?: { key: BackendJwtKey; header?: string; expirySeconds?: number };
    /** Calls to APIs served straight from node:http once listening (direct-calls.ts). */
    direct?: boolean;
    /** Runs before the Gateway is ready (to add a hook). */
    setup?: (app: FastifyInstance) => void;
  } = {},
): Promise<TestGateway> {
  const handler = opts.backend ?? echo;
  const backend: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
  const backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  const base = opts.snapshot ?? testSnapshot();
  const snapshot: GatewaySnapshot = {
    ...base,
    apis: base.apis.map((a) => ({
      ...a,
      productionUrl: a.productionUrl.replace('http://backend.invalid', backendUrl),
      sandboxUrl: a.sandboxUrl.replace('http://backend.invalid', backendUrl),
    })),
  };
  const tokens = opts.tokens ?? {};
  const controlPlane: ControlPlane = {
    snapshot: async (etag) => (etag === 'e1' ? undefined : { etag: 'e1', snapshot }),
    introspect: async (token) => tokens[token] ?? { active: false },
    jwks: async () => ({ keys: [] }),
    close: async () => {},
    ...opts.controlPlane,
  };
  const log = createLogger('silent');
  const sync = startConfigSync({ controlPlane, intervalMs: 3_600_000, log });
  await sync.start();
  const counter = new MemoryHitCounter(opts.now);
  const proxy = createProxy({ timeoutMs: 5_000 });
  const app = createHttpServer({
    transport: {
      certFile: '',
      keyFile: '',
      requestTimeoutMs: 10_000,
      headersTimeoutMs: 10_000,
      maxConnections: 100,
    },
    logger: log,
  });
  registerApiRoutes(app, {
    sync,
    tokens: createTokenValidator({
      controlPlane,
      introspectionTtlMs: 0,
      ...(opts.now ? { now: opts.now } : {}),
    }),
    counter,
    proxy,
    proto: 'https',
    cors: opts.cors ?? DEFAULT_CORS,
    assertionHeader: opts.backendJwt?.header ?? DEFAULT_ASSERTION_HEADER,
    direct: opts.direct ?? false,
    ...(opts.backendJwt
      ? {
          backendJwt: createBackendJwtSigner({
            key: opts.backendJwt.key,
            issuer: 'https://gw.test',
            expirySeconds: opts.backendJwt.expirySeconds ?? 900,
            ...(opts.now ? { now: opts.now } : {}),
          }),
        }
      : {}),
  });
  if (opts.backendJwt) registerBackendJwks(app, opts.backendJwt.key);
  opts.setup?.(app);
  await app.ready();
  return {
    app,
    backendUrl,
    async close() {
      await app.close();
      await sync.stop();
      await proxy.close();
      await counter.close();
      backend.closeAllConnections();
      await new Promise<void>((r) => backend.close(() => r()));
    },
  };
}
