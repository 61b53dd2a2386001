import type { FastifyInstance } from 'fastify';
import type { AuditEvent } from '../audit/index.js';
import type { RuntimeSettings } from '../config/index.js';
import { requirePrincipal, type PrincipalResolver } from '../http/principal.js';
import { describeAccess } from '../http/route-schema.js';
import { ADMIN_ROLE, type UserService } from '../identity/index.js';
import { registerApplicationRoutes, type AdminApplications } from './application-routes.js';
import { registerAuditRoutes, type AuditRouteDeps } from './audit-routes.js';
import { registerLockoutRoutes } from './lockout-routes.js';
import { registerReportRoutes } from './report-routes.js';
import { registerSettingsRoutes } from './settings-routes.js';
import { registerStatisticsRoutes } from './statistics-routes.js';
import type { StatisticsStore } from './statistics-store.js';
import { registerUserRoutes } from './user-routes.js';

export const ADMIN_BASE = '/api/admin/v1';

export interface AdminRouteDeps {
  /** Who is calling (web session, HTTP Basic); only the admin role gets further. */
  readonly resolvers: readonly PrincipalResolver[];
  readonly users: UserService;
  readonly settings: RuntimeSettings;
  readonly statistics: StatisticsStore;
  readonly applications: AdminApplications;
  /** The stored audit log (listing, and writing what is still buffered first). */
  readonly auditLog: Pick<AuditRouteDeps, 'list' | 'flush'>;
  /** Records an admin's action in the audit log. */
  readonly audit: (event: AuditEvent) => void;
  readonly now: () => number;
}

/** The Admin REST API: every route under /api/admin/v1, admin role only. */
export function registerAdminRoutes(app: FastifyInstance, deps: AdminRouteDeps): void {
  const { users, statistics, now } = deps;
  app.register(
    async (scope) => {
      scope.addHook('preValidation', requirePrincipal(deps.resolvers, { anyRole: [ADMIN_ROLE] }));
      describeAccess(scope, 'Requires the admin role (403 otherwise).');
      registerUserRoutes(scope, { users, audit: deps.audit, now });
      registerSettingsRoutes(scope, { settings: deps.settings });
      registerStatisticsRoutes(scope, { statistics, users, now, flushAudit: deps.auditLog.flush });
      registerReportRoutes(scope, { statistics, users, applications: deps.applications, now });
      registerLockoutRoutes(scope, { users, audit: deps.audit, now });
      registerAuditRoutes(scope, { ...deps.auditLog, now });
      registerApplicationRoutes(scope, {
        applications: deps.applications,
        users,
        audit: deps.audit,
        now,
      });
    },
    { prefix: ADMIN_BASE },
  );
}
