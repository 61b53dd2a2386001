import type { FastifyInstance } from 'fastify';
import { registerReportRoutes } from '../admin/report-routes.js';
import { registerSettingsRoutes } from '../admin/settings-routes.js';
import { registerStatisticsRoutes } from '../admin/statistics-routes.js';
import { registerUserRoutes } from '../admin/user-routes.js';
import type { AuditEvent } from '../audit/index.js';
import { requirePrincipal, type Principal, type PrincipalResolver } from '../http/principal.js';
import { addSecurityHeaders } from '../http/security-headers.js';
import { sessionPrincipal } from '../http/session-principal.js';
import { registerSessionRoutes } from '../http/session-routes.js';
import { createSessionService } from '../http/sessions.js';
import { ADMIN_ROLE } from '../identity/index.js';
import type { KeyManager } from '../keymanager/index.js';
import { registerApplicationRoutes } from '../portal/application-routes.js';
import { registerInfoRoutes } from '../portal/info-routes.js';
import { registerKeyRoutes } from '../portal/key-routes.js';
import { registerRegisteredUsersRoutes } from '../portal/registered-users-routes.js';
import { registerSignupRoutes } from '../portal/signup-routes.js';
import { MemoryHitCounter } from '../ratelimit/index.js';
import { openApiDocument } from '../ui/openapi.js';
import { registerStaticRoutes } from '../ui/static-routes.js';
import { basicSignInResolver, type PasswordSignIn } from './password-sign-in.js';
import type { Services } from './services.js';

/**
 * The web UIs (Developer Portal, Publisher, Admin) and the management REST behind them, on
 * the management server. Every REST route admits HTTP Basic (scripts) or the session cookie
 * with its CSRF token (the pages).
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
    return user && user.status === 'active'
      ? { userId: user.id, username: user.username, roles: user.roles }
      : undefined;
  };
  const resolvers = [sessionPrincipal(sessions, findPrincipal), basicSignInResolver(deps.signIn)];
  const signedIn = requirePrincipal(resolvers);
  const admin = requirePrincipal(resolvers, { anyRole: [ADMIN_ROLE] });

  app.register(async (scope) => {
    addSecurityHeaders(scope);
    registerStaticRoutes(scope);
    scope.get('/api/openapi.json', async () => openApiDocument());
    registerSessionRoutes(scope, {
      sessions,
      checkPassword: (username, password, ip) => deps.signIn(ip, username, password, 'web ui'),
      findPrincipal,
      attempts,
      attemptsPerMinute: ui.signinAttemptsPerMinute,
    });
    registerInfoRoutes(scope, { config: services.config, settings: services.settings });
    registerSignupRoutes(scope, {
      users: services.users,
      settings: services.settings,
      attempts,
      perHour: ui.signupsPerHour,
    });
    registerApplicationRoutes(scope, { applications: services.applications, auth: signedIn });
    registerKeyRoutes(scope, {
      applications: services.applications,
      ownerToken: deps.keyManager.ownerToken,
      auth: signedIn,
    });
    registerRegisteredUsersRoutes(scope, {
      applications: services.applications,
      users: services.users,
      statistics: services.stores.statistics,
      auth: signedIn,
      now,
    });
    registerUserRoutes(scope, {
      users: services.users,
      auth: admin,
      now,
      ...(deps.audit ? { audit: deps.audit } : {}),
    });
    registerSettingsRoutes(scope, { settings: services.settings, auth: admin });
    registerStatisticsRoutes(scope, {
      statistics: services.stores.statistics,
      users: services.users,
      auth: admin,
      now,
      ...(deps.flushAudit ? { flushAudit: deps.flushAudit } : {}),
    });
    registerReportRoutes(scope, {
      statistics: services.stores.statistics,
      users: services.users,
      applications: services.applications,
      auth: admin,
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
