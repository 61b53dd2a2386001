import { requirePrincipal } from '../http/principal.js';
import { describeAccess } from '../http/route-schema.js';
import { ADMIN_ROLE } from '../identity/index.js';
import { registerAuditRoutes } from './audit-routes.js';
import { registerLockoutRoutes } from './lockout-routes.js';
import { registerReportRoutes } from './report-routes.js';
import { registerSettingsRoutes } from './settings-routes.js';
import { registerStatisticsRoutes } from './statistics-routes.js';
import { registerUserRoutes } from './user-routes.js';
export const ADMIN_BASE = '/api/admin/v1';
/** The Admin REST API: every route under /api/admin/v1, admin role only. */
export function registerAdminRoutes(app, deps) {
    const { users, statistics, now } = deps;
    app.register(async (scope) => {
        scope.addHook('preValidation', requirePrincipal(deps.resolvers, { anyRole: [ADMIN_ROLE] }));
        describeAccess(scope, 'Requires the admin role (403 otherwise).');
        registerUserRoutes(scope, { users, audit: deps.audit, now });
        registerSettingsRoutes(scope, { settings: deps.settings });
        registerStatisticsRoutes(scope, { statistics, users, now, flushAudit: deps.auditLog.flush });
        registerReportRoutes(scope, { statistics, users, applications: deps.applications, now });
        registerLockoutRoutes(scope, { users, audit: deps.audit, now });
        registerAuditRoutes(scope, { ...deps.auditLog, now });
    }, { prefix: ADMIN_BASE });
}
//# sourceMappingURL=routes.js.map