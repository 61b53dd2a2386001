import type { FastifyInstance } from 'fastify';
import { requirePrincipal, type PrincipalResolver } from '../http/principal.js';
import { ADMIN_ROLE } from '../identity/index.js';
import { registerAuditRoutes, type AuditRouteDeps } from './audit-routes.js';
import { registerLockoutRoutes, type LockoutRouteDeps } from './lockout-routes.js';

export interface AdminRouteDeps {
  readonly resolvers: readonly PrincipalResolver[];
  readonly lockout: LockoutRouteDeps;
  readonly audit: AuditRouteDeps;
}

/** The Admin REST API under /api/admin/v1, admin role only. */
export function registerAdminRoutes(app: FastifyInstance, deps: AdminRouteDeps): void {
  app.register(
    async (scope) => {
      scope.addHook('preHandler', requirePrincipal(deps.resolvers, { anyRole: [ADMIN_ROLE] }));
      registerLockoutRoutes(scope, deps.lockout);
      registerAuditRoutes(scope, deps.audit);
    },
    { prefix: '/api/admin/v1' },
  );
}
