import type { FastifyInstance } from 'fastify';
import { registerAdminRoutes } from '../admin/index.js';
import type { AuditEvent } from '../audit/index.js';
import { principalOf, type Principal, type PrincipalResolver } from '../http/principal.js';
import { describeRoutes } from '../http/route-schema.js';
import { addSecurityHeaders, contentSecurityPolicy } from '../http/security-headers.js';
import { registerAuthorizeRoutes, type KeyManager } from '../keymanager/index.js';
import { gatewayUrl, registerPortalRoutes } from '../portal/index.js';
import { registerPublisherRoutes } from '../publisher/index.js';
import { MemoryHitCounter } from '../ratelimit/index.js';
import { sessionPrincipal } from '../session/session-principal.js';
import { registerSessionRoutes } from '../session/session-routes.js';
import { createSessionService } from '../session/sessions.js';
import { openApiDocument } from '../ui/openapi.js';
import { registerStaticRoutes } from '../ui/static-routes.js';
import { basicSignInResolver, type PasswordSignIn } from './password-sign-in.js';
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
    /**
     * The one password check of web sign-in and HTTP Basic: the Token API's per-address and
     * spraying throttle, the account lock, the audit log (failed-logins chart).
     */
    signIn: PasswordSignIn;
    /** The audit log, for admin actions. */
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
  const resolvers = [sessionPrincipal(sessions, findPrincipal), basicSignInResolver(deps.signIn)];

  app.register(async (scope) => {
    addSecurityHeaders(scope);
    // The document of every /api/ route registered after it (each has a schema: Fastify
    // validates its requests with it, and the document is made from it).
    scope.get('/api/openapi.json', async () => openApiDocument(routes()));
    const routes = describeRoutes(scope);
    // A POST or PUT without a body, or with an empty one (a script's text/plain ''), is read
    // as an empty JSON object (the handlers' own "enter a name" answers, a lifecycle action in
    // the query), not refused by its schema as "not an object".
    scope.addHook('preValidation', async (req) => {
      if (
        (req.body === undefined || req.body === '') &&
        (req.method === 'POST' || req.method === 'PUT')
      )
        req.body = {};
    });
    // The Developer Portal's API console calls this instance's Gateway (another origin).
    registerStaticRoutes(scope, {
      csp: { devportal: contentSecurityPolicy([gatewayUrl(services.config)]) },
    });
    registerSessionRoutes(scope, {
      sessions,
      checkPassword: (username, password, ip) => deps.signIn(ip, username, password, 'web ui'),
      findPrincipal,
      attempts,
      attemptsPerMinute: ui.signinAttemptsPerMinute,
    });
    registerPortalRoutes(scope, {
      resolvers,
      config: services.config,
      settings: services.settings,
      users: services.users,
      apis: services.apis,
      scopes: services.stores.scopes,
      applications: services.applications,
      subscriptions: services.subscriptions,
      ownerToken: deps.keyManager.ownerToken,
      authorization: deps.keyManager.authorization,
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

  // GET /oauth2/authorize and its pages, outside the UIs' scope: their own CSP (the form may be
  // redirected to the client) and form bodies. Signing in there starts a web session.
  registerAuthorizeRoutes(app, {
    authorization: deps.keyManager.authorization,
    signIn: async (ip, username, password) => {
      const p = await deps.signIn(ip, username, password, 'authorization page');
      return p && { id: p.userId, username: p.username, roles: p.roles };
    },
    sessions: {
      start: (userId, previousId) => sessions.start(userId, previousId),
      resume: (id) => sessions.resume(id),
      cookieMaxAgeSeconds: ui.sessionAbsoluteSeconds,
    },
    findUser: async (id) => {
      const p = await findPrincipal(id);
      return p && { id: p.userId, username: p.username, roles: p.roles };
    },
    limitSignIn: async (ip) => {
      const hit = await attempts.hit(`signin:${ip}`, 60_000);
      return hit.count > ui.signinAttemptsPerMinute ? Math.ceil(hit.resetInMs / 1000) : undefined;
    },
  });

  return {
    resolvers,
    async close() {
      clearInterval(purge);
      await attempts.close();
    },
  };
}
