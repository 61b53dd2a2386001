import type { FastifyInstance } from 'fastify';
import { registerReportRoutes } from '../admin/report-routes.js';
import { registerSettingsRoutes } from '../admin/settings-routes.js';
import { registerStatisticsRoutes } from '../admin/statistics-routes.js';
import { registerUserRoutes } from '../admin/user-routes.js';
import { basicPrincipal } from '../http/basic-principal.js';
import { requirePrincipal, type Principal, type PrincipalResolver } from '../http/principal.js';
import type { AuditEvent } from '../audit/index.js';
import { addSecurityHeaders } from '../http/security-headers.js';
import { sessionPrincipal } from '../session/session-principal.js';
import { registerSessionRoutes } from '../session/session-routes.js';
import { createSessionService } from '../session/sessions.js';
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
  const checkPassword = async (
    username: string,
    password: string,
  ): Promise<Principal | undefined> => {
    // HashingOverloadedError propagates: the error renderer answers 503 + Retry-After.
    const r = await services.users.authenticate(username, password);
    return r.ok ? { userId: r.user.id, username: r.user.username, roles: r.user.roles } : undefined;
  };
  const resolvers = [
    sessionPrincipal(sessions, findPrincipal),
    deps.basic ?? basicPrincipal(checkPassword),
  ];
  const signedIn = requirePrincipal(resolvers);
  const admin = requirePrincipal(resolvers, { anyRole: [ADMIN_ROLE] });

  app.register(async (scope) => {
    addSecurityHeaders(scope);
    registerStaticRoutes(scope);
    scope.get('/api/openapi.json', async () => openApiDocument());
    registerSessionRoutes(scope, {
      sessions,
      checkPassword,
      findPrincipal,
      attempts,
      attemptsPerMinute: ui.signinAttemptsPerMinute,
      onFailure: (_username, ip) => {
        // The typed username is not recorded: it may be a password typed in the wrong field.
        deps.audit?.({
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
