import type { FastifyInstance } from 'fastify';
import { registerAdminRoutes } from '../admin/index.js';
import type { AuditEvent } from '../audit/index.js';
import { basicPrincipal } from '../http/basic-principal.js';
import { principalOf, type Principal, type PrincipalResolver } from '../http/principal.js';
import { describeRoutes } from '../http/route-schema.js';
import { addSecurityHeaders } from '../http/security-headers.js';
import type { KeyManager } from '../keymanager/index.js';
import { registerPortalRoutes } from '../portal/index.js';
import { registerPublisherRoutes } from '../publisher/index.js';
import { MemoryHitCounter } from '../ratelimit/index.js';
import { sessionPrincipal } from '../session/session-principal.js';
import { registerSessionRoutes } from '../session/session-routes.js';
import { createSessionService } from '../session/sessions.js';
import { openApiDocument } from '../ui/openapi.js';
import { registerStaticRoutes } from '../ui/static-routes.js';
import type { Services } from './services.js';

/**
 * The web UIs (Developer Portal, Publisher, Admin) and the management REST behind them, on
 * the management server: each REST surface registered here once, with its prefix and its one
 * sign-in check. Every REST route admits HTTP Basic (scripts) or the session cookie with its
 * CSRF token (the pages).
 */
export function registerWebUi(
  app: FastifyInstance,
  deps: {
    services: Services;
    keyManager: KeyManager;
    now?: () => number;
    /** HTTP Basic for scripts; by default a plain password check. */
    basic?: PrincipalResolver;
    /** The audit log: a failed web sign-in is recorded there (and counted in the failed-logins chart). */
    audit?: (event: AuditEvent) => void;
    /** Writes buffered audit events before the statistics read them. */
    flushAudit?: () => Promise<void>;
  },
): { close(): Promise<void>; resolvers: readonly PrincipalResolver[] } {
  const { services } = deps;
  const now = deps.now ?? Date.now;
  const audit = deps.audit ?? (() => undefined);
  const flushAudit = deps.flushAudit ?? (async () => undefined);
  const { ui } = services.config;
  const sessions = createSessionService({
    store: services.stores.sessions,
    now,
    timeouts: { idleSeconds: ui.sessionIdleSeconds, absoluteSeconds: ui.sessionAbsoluteSeconds },
  });
  const attempts = new MemoryHitCounter(now);
  const purge = setInterval(() => void sessions.purgeExpired().catch(() => undefined), 10 * 60_000);
  purge.unref();

  const findPrincipal = async (userId: string): Promise<Principal | undefined> => {
    const user = await services.users.findById(userId);
    return user && user.status === 'active' ? principalOf(user) : undefined;
  };
  const checkPassword = async (
    username: string,
    password: string,
  ): Promise<Principal | undefined> => {
    // HashingOverloadedError propagates: the error renderer answers 503 + Retry-After.
    const r = await services.users.authenticate(username, password);
    return r.ok ? principalOf(r.user) : undefined;
  };
  const resolvers = [
    sessionPrincipal(sessions, findPrincipal),
    deps.basic ?? basicPrincipal(checkPassword),
  ];

  app.register(async (scope) => {
    addSecurityHeaders(scope);
    // The document of every /api/ route registered after it (each has a schema: Fastify
    // validates its requests with it, and the document is made from it).
    scope.get('/api/openapi.json', async () => openApiDocument(routes()));
    const routes = describeRoutes(scope);
    // A POST or PUT without a body is read as an empty JSON object (the handlers' own
    // "enter a name" answers), not refused by its schema as "not an object".
    scope.addHook('preValidation', async (req) => {
      if (req.body === undefined && (req.method === 'POST' || req.method === 'PUT')) req.body = {};
    });
    registerStaticRoutes(scope);
    registerSessionRoutes(scope, {
      sessions,
      checkPassword,
      findPrincipal,
      attempts,
      attemptsPerMinute: ui.signinAttemptsPerMinute,
      onFailure: (_username, ip) => {
        // The typed username is not recorded: it may be a password typed in the wrong field.
        audit({
          at: now(),
          type: 'login.failed',
          reason: 'web_signin',
          username: null,
          consumerKey: null,
          ip,
          detail: 'web ui',
        });
      },
    });
    registerPortalRoutes(scope, {
      resolvers,
      config: services.config,
      settings: services.settings,
      users: services.users,
      apis: services.apis,
      applications: services.applications,
      subscriptions: services.subscriptions,
      ownerToken: deps.keyManager.ownerToken,
      statistics: services.stores.statistics,
      attempts,
      signupsPerHour: ui.signupsPerHour,
      now,
    });
    registerPublisherRoutes(scope, {
      resolvers,
      apis: services.apis,
      scopes: services.stores.scopes,
    });
    registerAdminRoutes(scope, {
      resolvers,
      users: services.users,
      settings: services.settings,
      statistics: services.stores.statistics,
      applications: services.applications,
      auditLog: { list: (q) => services.stores.audit.list(q), flush: flushAudit },
      audit,
      now,
    });
  });

  return {
    resolvers,
    async close() {
      clearInterval(purge);
      await attempts.close();
    },
  };
}
